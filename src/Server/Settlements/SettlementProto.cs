using System.Globalization;
using System.Numerics;
using GonPortal.Domain.Budgets;
using GonPortal.Domain.Reporting;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Settlements;

/// <summary>Wire forms of the figures a result document records (shared by the jobs and the service).</summary>
public static class SettlementProto
{
    public static V1.SettlementRunKind ToProto(Domain.Settlements.SettlementKind kind) => (V1.SettlementRunKind)(int)kind;

    public static Domain.Settlements.SettlementKind? ToDomain(V1.SettlementRunKind kind) =>
        kind is >= V1.SettlementRunKind.SubcontractorStatements and <= V1.SettlementRunKind.Reconciliation
            ? (Domain.Settlements.SettlementKind)(int)kind
            : null;

    public static V1.Rational ToProto(Rational r) => new()
    {
        Numerator = r.Numerator.ToString(CultureInfo.InvariantCulture),
        Denominator = r.Denominator.ToString(CultureInfo.InvariantCulture),
        Rounded = r.ToRoundedString(4),
    };

    public static Rational ToRational(V1.Rational r) =>
        new(BigInteger.Parse(r.Numerator, CultureInfo.InvariantCulture), BigInteger.Parse(r.Denominator, CultureInfo.InvariantCulture));

    /// <summary>Exact text form for rows ("n/d").</summary>
    public static string ToText(Rational r) => $"{r.Numerator.ToString(CultureInfo.InvariantCulture)}/{r.Denominator.ToString(CultureInfo.InvariantCulture)}";

    public static Rational FromText(string text)
    {
        var parts = text.Split('/');
        return new Rational(BigInteger.Parse(parts[0], CultureInfo.InvariantCulture), BigInteger.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public static V1.YearParameters ToProto(YearParameters p) => new()
    {
        Year = p.Year,
        Version = p.Version,
        ProfitCapBp = p.ProfitCapBp,
        ReferenceHourlyRateCents = p.ReferenceHourlyRateCents,
        PgbDeadBandBp = p.PgbDeadBandBp,
        PgbCompensationShareBp = p.PgbCompensationShareBp,
        BasisShareTargetBp = p.BasisShareTargetBp,
        InitiativeShareTargetBp = p.InitiativeShareTargetBp,
        SanctionBp = p.SanctionBp,
        ChangeNote = p.ChangeNote,
        CreatedAt = ProtoConvert.ToProto(p.CreatedAt),
        CreatedBy = p.CreatedBy,
    };

    public static V1.TargetAssessment ToProto(TargetAssessment t) => new()
    {
        Numerator = t.Numerator,
        Denominator = t.Denominator,
        ShareBp = t.ShareBp,
        TargetBp = t.TargetBp,
        Status = t.Status switch
        {
            TargetStatus.Met => V1.TargetStatus.Met,
            TargetStatus.Missed => V1.TargetStatus.Missed,
            _ => V1.TargetStatus.NotAssessed,
        },
    };
}
