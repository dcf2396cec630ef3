using GonPortal.Contracts.V1;
using Google.Protobuf;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Sends a conversion file; the answer reports on every line (conversion.proto).</summary>
    public Task<ServerResult<ConversionReportView>> ImportConversionAsync(byte[] csv, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(ConversionService.ConversionServiceClient.ImportConversion), async _ =>
        {
            // A large file takes longer than an ordinary call.
            var response = await conversion.ImportConversionAsync(new ImportConversionRequest { Csv = ByteString.CopyFrom(csv) },
                Options(cancellationToken, ConversionTimeout));
            return new ConversionReportView(response.Lines.Select(ToView).ToList(), response.ConvertedCount, response.AlreadyConvertedCount,
                response.RefusedCount, response.ClientsCreatedCount);
        }, cancellationToken);

    private static ConversionLineView ToView(ConversionLineReport line) => new(line.Line, line.SourceReference,
        line.Outcome switch
        {
            Contracts.V1.ConversionOutcome.Converted => ConversionLineOutcome.Converted,
            Contracts.V1.ConversionOutcome.AlreadyConverted => ConversionLineOutcome.AlreadyConverted,
            _ => ConversionLineOutcome.Refused,
        },
        line.Outcome == Contracts.V1.ConversionOutcome.Refused ? ReasonKey(line.Refusal) : null,
        line.Column);

    private static string ReasonKey(ConversionRefusal refusal) => refusal switch
    {
        ConversionRefusal.MissingValue => "Conversie.Reden.Ontbreekt",
        ConversionRefusal.InvalidValue => "Conversie.Reden.Ongeldig",
        ConversionRefusal.InvalidBsn => "Conversie.Reden.Bsn",
        ConversionRefusal.DuplicateSourceReference => "Conversie.Reden.DubbelKenmerk",
        ConversionRefusal.OtherLineOfClient => "Conversie.Reden.AndereRegel",
        ConversionRefusal.ClientDetailsDiffer => "Conversie.Reden.ClientVerschilt",
        ConversionRefusal.AreaNotHeld => "Conversie.Reden.GebiedZonderAanbieder",
        ConversionRefusal.BeschikkingRequired => "Conversie.Reden.BeschikkingNodig",
        ConversionRefusal.BeschikkingNotAllowed => "Conversie.Reden.GeenBeschikking",
        ConversionRefusal.UnknownExecutor => "Conversie.Reden.OnbekendeUitvoerder",
        ConversionRefusal.NoConsentedSubcontract => "Conversie.Reden.GeenToestemming",
        ConversionRefusal.ClientWithOtherHoofdaanbieder => "Conversie.Reden.ClientElders",
        _ => "Conversie.Reden.Ongeldig",
    };
}
