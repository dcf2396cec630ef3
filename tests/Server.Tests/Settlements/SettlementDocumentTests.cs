using GonPortal.Domain.Budgets;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Settlements;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// The stored result document without hosts: the explanation's canonical JSON reads back to itself and
/// hashes by content, and rows stored before it (protobuf JSON) are still read as the message they hold.
/// </summary>
public class SettlementDocumentTests
{
    private static readonly Guid Contract = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    private static PgbExplanation Explanation(int monthly)
    {
        var counts = Enumerable.Range(1, 12).Select(m => new MonthlyPgbCount(m, monthly)).ToList();
        var result = PgbSettlement.Compute(new PgbSettlementInput(2, 2027, 50, counts, 1_000_003, 0.05m, 0.5m), PgbSettlementKind.Final);
        return new PgbExplanation(result, ParametersUsed.Of(YearParameters.Defaults(2027)), Contract, new DateOnly(2027, 1, 1),
            counts.Select(c => new PgbCountUsed(c.Month, c.Count, new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(1)).ToUniversalTime(), "beleid")).ToList());
    }

    [Fact]
    public void An_explanation_reads_back_to_the_same_document_and_hashes_by_content()
    {
        var document = ExplanationJson.Serialize(Explanation(47));
        var back = ExplanationJson.Deserialize<PgbExplanation>(document);
        Assert.Equal(document, ExplanationJson.Serialize(back));
        // Exact figures stay exact text: D = 50 - 47 = 3, s * D' * C with D' = 3 - 2.5.
        Assert.Contains("\"Difference\":\"3/1\"", document, StringComparison.Ordinal);
        Assert.Contains("\"Kind\":\"Final\"", document, StringComparison.Ordinal);
        Assert.Equal(ExplanationJson.Hash(document), ExplanationJson.Hash(ExplanationJson.Serialize(Explanation(47))));
        Assert.NotEqual(ExplanationJson.Hash(document), ExplanationJson.Hash(ExplanationJson.Serialize(Explanation(46))));
    }

    [Fact]
    public void A_row_stored_as_protobuf_json_is_read_as_the_message_it_holds()
    {
        var stored = new V1.PgbSettlement
        {
            Kind = V1.SettlementRunKind.PgbFinal, AreaId = 2, Year = 2027, RulesVersion = "1", AreaContractId = Contract.ToString(),
            BaselineClientCount = 50, MonthsUsed = 12, MonthlyCountSum = 564, PgbAmountCents = 750_002,
            Difference = new V1.Rational { Numerator = "3", Denominator = "1", Rounded = "3.0000" },
        };
        var row = new SettlementResult
        {
            Id = Guid.NewGuid(), Kind = SettlementKind.PgbFinal, AreaId = 2, Year = 2027, Revision = 3, SettlementRunId = Guid.NewGuid(),
            ComputedAt = new DateTimeOffset(2028, 1, 5, 2, 0, 0, TimeSpan.Zero), AmountCents = 750_002,
            Document = Google.Protobuf.JsonFormatter.Default.Format(stored), DocumentFormat = SettlementDocumentFormat.ProtoJson,
        };
        var read = SettlementMapping.ToPgb(row, superseded: true);
        var expected = stored.Clone();
        expected.Id = row.Id.ToString();
        expected.Revision = 3;
        expected.Superseded = true;
        expected.SettlementRunId = row.SettlementRunId.ToString();
        expected.ComputedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(row.ComputedAt);
        Assert.Equal(expected, read);
    }

    [Fact]
    public void An_explanation_row_gives_the_figures_of_its_domain_result()
    {
        var explanation = Explanation(47);
        var row = new SettlementResult
        {
            Id = Guid.NewGuid(), Kind = SettlementKind.PgbFinal, AreaId = 2, Year = 2027, Revision = 1, SettlementRunId = Guid.NewGuid(),
            ComputedAt = DateTimeOffset.UnixEpoch, AmountCents = explanation.Settlement.SettlementCents,
            Document = ExplanationJson.Serialize(explanation), DocumentFormat = SettlementDocumentFormat.Explanation,
        };
        var read = SettlementMapping.ToPgb(row, superseded: false);
        Assert.Equal((V1.SettlementRunKind.PgbFinal, 12, 564L, explanation.Settlement.SettlementCents), (read.Kind, read.MonthsUsed, read.MonthlyCountSum, read.PgbAmountCents));
        Assert.Equal(("1", "2", "0.5000"), (read.DifferenceAfterDeadBand.Numerator, read.DifferenceAfterDeadBand.Denominator, read.DifferenceAfterDeadBand.Rounded));
        Assert.Equal(12, read.MonthlyCounts.Count);
        Assert.Equal(Contract.ToString(), read.AreaContractId);
        Assert.Equal(new Google.Type.Date { Year = 2027, Month = 1, Day = 1 }, read.BaselineReferenceDate);
    }
}
