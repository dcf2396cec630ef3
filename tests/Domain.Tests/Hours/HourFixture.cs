using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Tests.Hours;

/// <summary>A hoofdaanbieder with an own-staff arrangement and one executed by an onderaannemer.</summary>
internal static class HourFixture
{
    public static readonly DateOnly Today = new(2027, 3, 15);
    public static readonly DateOnly Start = new(2027, 1, 1);
    public static readonly DateOnly Day = new(2027, 3, 10);
    public static readonly Guid Ha = Guid.NewGuid();
    public static readonly Guid Oa = Guid.NewGuid();
    public static readonly Guid Stranger = Guid.NewGuid();
    public static readonly Guid Client = Guid.NewGuid();
    public static readonly Guid OwnId = Guid.NewGuid();
    public static readonly Guid SubId = Guid.NewGuid();
    public static readonly Guid SubcontractId = Guid.NewGuid();

    public static HourEntryContext AsHa => new(Ha, Today);
    public static HourEntryContext AsOa => new(Oa, Today);

    public static SubcontractFacts Subcontract(bool inEffect = true, DateOnly? from = null, DateOnly? to = null, int area = 1, Product product = Product.Begeleiding) =>
        new(SubcontractId, inEffect, from ?? Start, to, new HashSet<int> { area }, new HashSet<Product> { product });

    /// <summary>Begeleiding by the hour in area 1 from 1 January 2027, executed by the hoofdaanbieder's own staff.</summary>
    public static ArrangementFacts Own(DateOnly? end = null, bool started = true, Unit unit = Unit.Hour, Product product = Product.Begeleiding) =>
        new(OwnId, Ha, Client, 1, product, unit, Start, end, started, [new ExecutorVersionFacts(Start, Ha)]);

    /// <summary>The same, executed by the onderaannemer under <see cref="Subcontract"/>.</summary>
    public static ArrangementFacts ByOa(SubcontractFacts? subcontract = null, DateOnly? end = null) =>
        new(SubId, Ha, Client, 1, Product.Begeleiding, Unit.Hour, Start, end, true, [new ExecutorVersionFacts(Start, Oa, subcontract ?? Subcontract())]);

    public static HourEntryInput Entry(
        Guid arrangement,
        string? key = "k1",
        DateOnly? date = null,
        int quantity = 60,
        Product? product = Product.Begeleiding,
        Unit? unit = Unit.Hour,
        string? note = null,
        string? reverses = null) =>
        new(key, arrangement.ToString(), date ?? Day, product, unit, quantity, note, reverses);

    public static HourEntryOutcome Judge(HourEntryContext ctx, HourEntryInput input, ArrangementFacts? arrangement,
        StoredEntryFacts? sameKey = null, StoredEntryFacts? reversed = null, int storedMinutes = 0) =>
        new HourEntryBatch(ctx).Add(new HourEntryCheck(input, arrangement, sameKey, reversed, storedMinutes));

    /// <summary>The single reason (the one the contract reports).</summary>
    public static HourEntryRejectionReason? Reason(HourEntryOutcome o) => o.Rejection?.Reason;

    /// <summary>A stored approved regular entry of the hoofdaanbieder on the own-staff arrangement.</summary>
    public static StoredEntryFacts StoredApproved(int quantity = 60, Guid? id = null, Guid? reporter = null, HourEntryStatus status = HourEntryStatus.Approved, Guid? reversedBy = null) =>
        new(id ?? Guid.NewGuid(), reporter ?? Ha,
            new HourEntryContent(OwnId, Day, Product.Begeleiding, Unit.Hour, quantity, "", null), status, reversedBy);
}
