using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>A support arrangement with its versions and history.</summary>
public sealed record ArrangementView(
    string Id,
    string ClientId,
    int AreaId,
    string Hoofdaanbieder,
    ArrangementState State,
    SupportType SupportType,
    Product Product,
    Unit Unit,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<VersionView> Versions,
    IReadOnlyList<BeschikkingView> Beschikkingen)
{
    /// <summary>The latest version (the one that runs to the end date), if decided.</summary>
    public VersionView? Current => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>How the client entered support.</summary>
    public EntryChannel EntryChannel { get; init; }

    /// <summary>The hoofdaanbieder's explanation of its latest decision; empty when none.</summary>
    public string DecisionNote { get; init; } = string.Empty;

    /// <summary>WIJ's reason for its last rejection, or its note with an approval; empty otherwise.</summary>
    public string WijReviewNote { get; init; } = string.Empty;

    /// <summary>Why it ended; unspecified unless ended.</summary>
    public ArrangementEndReason EndReason { get; init; }

    /// <summary>Note on the end or on the cancellation; empty otherwise.</summary>
    public string EndNote { get; init; } = string.Empty;
}

/// <summary>An arrangement in a work list, with the client's name.</summary>
public sealed record ArrangementRow(ArrangementView Arrangement, string ClientName);

/// <summary>One effective-dated version of an arrangement.</summary>
public sealed record VersionView(
    int Number,
    DateOnly? From,
    DateOnly? To,
    int Volume,
    VolumeFrequency Frequency,
    ExecutorKind ExecutorKind,
    string Executor,
    string ExecutorId,
    bool ViaInitiative,
    string InitiativeName,
    string Note);

/// <summary>A beschikking recorded by the gemeente.</summary>
public sealed record BeschikkingView(string Number, DateOnly? DecisionDate, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>One recorded change of an arrangement.</summary>
public sealed record TransitionView(
    int Sequence,
    ArrangementAction Action,
    ArrangementState From,
    ArrangementState To,
    DateTimeOffset? OccurredAt,
    string Actor,
    Role ActorRole,
    string Reason,
    DateOnly? Date);

/// <summary>An arrangement the onderaannemer executes, with the client's name (an assignment).</summary>
public sealed record AssignmentView(ArrangementView Arrangement, string ClientName);
