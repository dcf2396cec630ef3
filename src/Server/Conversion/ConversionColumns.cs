namespace GonPortal.Server.Conversion;

/// <summary>The column names of a conversion file (Dutch, as the gemeente's staff read them; conversion.proto).</summary>
public static class ConversionColumns
{
    public const string SourceReference = "bronkenmerk";
    public const string Bsn = "bsn";
    public const string Initials = "voorletters";
    public const string GivenNames = "voornamen";
    public const string SurnamePrefix = "tussenvoegsel";
    public const string Surname = "achternaam";
    public const string DateOfBirth = "geboortedatum";
    public const string Postcode = "postcode";
    public const string Area = "gebied";
    public const string Product = "product";
    public const string Unit = "eenheid";
    public const string SupportType = "soort";
    public const string Volume = "omvang";
    public const string Frequency = "frequentie";
    public const string StartDate = "startdatum";
    public const string EndDate = "einddatum";
    public const string BeschikkingNumber = "beschikkingnummer";
    public const string BeschikkingDecisionDate = "beschikkingsdatum";
    public const string BeschikkingValidFrom = "beschikking_vanaf";
    public const string BeschikkingValidTo = "beschikking_tot";
    public const string ExecutorKvk = "uitvoerder_kvk";

    /// <summary>The column a domain field comes from, for the per-line report.</summary>
    public static string ForField(string field) => field switch
    {
        "source_reference" => SourceReference,
        "bsn" => Bsn,
        "initials" => Initials,
        "given_names" => GivenNames,
        "surname_prefix" => SurnamePrefix,
        "surname" => Surname,
        "date_of_birth" => DateOfBirth,
        "postcode" => Postcode,
        "area_id" => Area,
        "product" => Product,
        "unit" => Unit,
        "support_type" => SupportType,
        "terms.volume" => Volume,
        "terms.frequency" => Frequency,
        "start_date" => StartDate,
        "end_date" => EndDate,
        "beschikking_number" => BeschikkingNumber,
        "beschikking_decision_date" => BeschikkingDecisionDate,
        "beschikking_valid_from" => BeschikkingValidFrom,
        "beschikking_valid_to" => BeschikkingValidTo,
        _ when field.StartsWith("terms.", StringComparison.Ordinal) => ExecutorKvk,
        _ => "",
    };
}
