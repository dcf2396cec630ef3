using GonPortal.Portal.ServerApi;
using Grpc.Core;

namespace GonPortal.Portal.Administration;

/// <summary>
/// The administration's refusals in plain Dutch. The Server states them in English (FAILED_PRECONDITION and
/// ALREADY_EXISTS details); the rules are few and fixed, so each gets its own sentence instead of the generic
/// "andere status" message with English in brackets.
/// </summary>
public static class AdminFailures
{
    private static readonly (string Detail, string Dutch)[] Rules =
    [
        ("at least one active administrator", "De organisatie moet minstens één actieve beheerder houden. Maak eerst iemand anders beheerder."),
        ("deactivate yourself", "U kunt uzelf niet deactiveren. Vraag een andere beheerder om dat te doen."),
        ("organisation is deactivated", "De organisatie is gedeactiveerd. Heractiveer haar eerst voordat u mensen uitnodigt."),
        ("has not activated yet", "Deze persoon heeft het account al geactiveerd; een nieuwe uitnodiging is niet nodig."),
        ("gemeente cannot", "De gemeente zelf kan niet worden gedeactiveerd."),
        ("already belongs to an account", "Dit e-mailadres hoort al bij een account. Gebruik een ander e-mailadres."),
    ];

    /// <summary>Dutch for an e-mail address that already has an account, shown next to the e-mail field.</summary>
    public const string EmailTaken = "Dit e-mailadres hoort al bij een account. Gebruik een ander e-mailadres.";

    /// <summary>The failure with a Dutch sentence for the known refusals; others unchanged.</summary>
    public static ApiFailure? Explain(ApiFailure? failure)
    {
        if (failure?.Detail is not { } detail)
        {
            return failure;
        }

        var rule = Rules.FirstOrDefault(r => detail.Contains(r.Detail, StringComparison.OrdinalIgnoreCase));
        return rule.Dutch is null ? failure : failure with { Message = rule.Dutch };
    }

    /// <summary>True when the e-mail address was refused because it is taken (shown at the field, not above the form).</summary>
    public static bool IsEmailTaken(ApiFailure? failure) => failure?.Status == StatusCode.AlreadyExists;
}
