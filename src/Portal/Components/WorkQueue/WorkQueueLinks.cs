using GonPortal.Contracts.V1;
using GonPortal.HostContracts;

namespace GonPortal.Portal.Components.WorkQueue;

/// <summary>
/// Where each kind of waiting work is done, per role: the one place that links the work queue to the pages.
/// </summary>
public static class WorkQueueLinks
{
    /// <summary>Hoofdaanbieder: incoming WIJ referrals, accepted or returned on the referral queue.</summary>
    public const string ReferralQueue = "verwijzingen/ontvangen";

    /// <summary>Hoofdaanbieder: arrangements to decide or start. Until a queue exists: the client list.</summary>
    public const string ArrangementsOfHoofdaanbieder = "clienten";

    /// <summary>WIJ: aanvullend arrangements waiting for its last say.</summary>
    public const string WijApprovals = "akkoord";

    /// <summary>Gemeente: advised aanvullend arrangements waiting for a beschikking.</summary>
    public const string AdvisedArrangements = "beschikkingen";

    public const string HourReview = "uren/beoordelen";
    public const string SubcontractConsent = "toestemming";
    public const string OwnSubcontracts = "onderaanneming";

    public static string For(WorkItemKind kind, string? role) => kind switch
    {
        WorkItemKind.ReferralsToHandle => ReferralQueue,
        WorkItemKind.ArrangementsToDecide or WorkItemKind.ArrangementsToStart => ArrangementsOfHoofdaanbieder,
        WorkItemKind.HoursToReview => HourReview,
        WorkItemKind.SubcontractsAwaitingConsent => role == GonRoles.Gemeente ? SubcontractConsent : OwnSubcontracts,
        WorkItemKind.WijApprovalsDue => WijApprovals,
        WorkItemKind.BeschikkingenToRecord => AdvisedArrangements,
        _ => "",
    };

    /// <summary>The roles that have a work queue (an onderaannemer has none).</summary>
    public static bool HasQueue(string? role) => role is GonRoles.Hoofdaanbieder or GonRoles.Wij or GonRoles.Gemeente;
}
