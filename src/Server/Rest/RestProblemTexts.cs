using Grpc.Core;

namespace GonPortal.Server.Rest;

/// <summary>
/// The Dutch sentences of REST problem details: a title per status and a reason per field-violation class
/// (<see cref="ErrorModel.FieldViolationReasons"/>). The gRPC status message stays English
/// for logs; a REST caller (an ECD vendor) shows what is here.
/// </summary>
public static class RestProblemTexts
{
    public static string Title(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange => "De aanvraag bevat ongeldige gegevens.",
        StatusCode.NotFound => "Niet gevonden.",
        StatusCode.PermissionDenied => "Geen toegang: deze organisatie of rol mag dit niet.",
        StatusCode.Unauthenticated => "Niet aangemeld: een geldig toegangstoken (Bearer) is nodig.",
        StatusCode.FailedPrecondition => "Dit kan niet in de huidige toestand.",
        StatusCode.AlreadyExists => "Dit bestaat al.",
        StatusCode.Aborted => "Tegelijk door een andere aanvraag gewijzigd; probeer het opnieuw.",
        StatusCode.ResourceExhausted => "De aanvraag is te groot.",
        StatusCode.Unavailable => "De dienst is tijdelijk niet beschikbaar; probeer het later opnieuw.",
        StatusCode.Unimplemented => "Deze bewerking bestaat niet.",
        StatusCode.DeadlineExceeded => "De aanvraag duurde te lang.",
        _ => "Er ging iets mis op de server.",
    };

    /// <summary>A field violation's class with the values the rule gave (e.g. the maximum length), as one Dutch sentence.</summary>
    public static string Violation(string reason, IReadOnlyDictionary<string, string> values) => reason switch
    {
        "REQUIRED" => "Dit veld is verplicht.",
        "INVALID_DATE" => "Dit is geen geldige datum.",
        "NOT_IN_FUTURE" => "Deze datum mag niet in de toekomst liggen.",
        "DATE_ORDER" => "Deze datum ligt in de verkeerde volgorde ten opzichte van een andere datum.",
        "TEXT_LENGTH" when values.TryGetValue("min", out var min) && values.TryGetValue("max", out var max)
            => $"De tekst moet {min} tot {max} tekens lang zijn.",
        "TEXT_LENGTH" when values.TryGetValue("max", out var max) => $"De tekst mag hoogstens {max} tekens lang zijn.",
        "TEXT_LENGTH" => "De tekst heeft niet de juiste lengte.",
        "NEGATIVE" => "De waarde mag niet negatief zijn.",
        "OUT_OF_RANGE" when values.TryGetValue("max", out var max) => $"Hoogstens {max} waarden toegestaan.",
        "OUT_OF_RANGE" => "De waarde ligt buiten het toegestane bereik.",
        "DUPLICATE" => "Deze waarde komt dubbel voor of bestaat al.",
        "NOT_ALLOWED" => "Deze waarde is hier niet toegestaan.",
        "INVALID_BSN" => "Dit is geen geldig BSN.",
        "CONTROL_CHARACTERS" => "De tekst bevat niet toegestane tekens.",
        "MALFORMED" => "Dit veld kon niet gelezen worden.",
        _ => "Deze waarde is ongeldig.",
    };
}
