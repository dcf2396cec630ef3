using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Subcontracts;

/// <summary>
/// Onderaanneming: a hoofdaanbieder buys part of its area's care from an onderaannemer.
/// Rules from the VNG model contract (art. 3.9): in effect only after the gemeente's prior
/// written consent; the onderaannemer must be KvK-registered; no further subcontracting
/// (an onderaannemer never proposes, and only registered onderaannemers can be contracted).
/// Owned by the hoofdaanbieder's tenant; the onderaannemer may read it.
/// </summary>
public sealed class Subcontract : ITenantOwned
{
    private Subcontract() { }

    public Guid Id { get; private set; }

    /// <summary>The hoofdaanbieder: owner and tenant of this record.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The proposing hoofdaanbieder (the tenant).</summary>
    public Guid HoofdaanbiederId => TenantId;

    public Guid OnderaannemerId { get; private set; }
    public List<int> AreaIds { get; private set; } = [];
    /// <summary>Rate periods per product and unit; they never overlap (see <see cref="ChangeRate"/>).</summary>
    public List<SubcontractRate> Rates { get; private set; } = [];

    /// <summary>Every recorded rate change, oldest first.</summary>
    public List<SubcontractRateChange> RateChanges { get; private set; } = [];
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public SubcontractState State { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? ConsentReference { get; private set; }
    public string? RefusalReason { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? CloseReason { get; private set; }

    public DateRange Validity => new(ValidFrom, ValidTo);

    /// <summary>In effect on <paramref name="date"/>: consented (or ended later than the date) and within validity.</summary>
    public bool IsInEffectOn(DateOnly date) =>
        (State == SubcontractState.Consented || State == SubcontractState.Ended) && Validity.Contains(date);

    /// <summary>Validates a proposal; throws <see cref="DomainValidationException"/> listing every broken field.</summary>
    public static Subcontract Propose(Guid id, SubcontractProposal p, string proposedBy, DateTimeOffset now)
    {
        var v = new Violations();
        ValidateOnderaannemer(v, p);
        ValidateAreas(v, p);
        v.Check(p.ValidFrom is null, "valid_from", "is required and must be a valid date");
        var rates = ValidateRates(v, p.Rates, p.ValidFrom ?? DateOnly.MinValue);
        if (p.ValidFrom is not null && p.ValidTo is not null && p.ValidTo < p.ValidFrom)
        {
            v.Add("valid_to", "must not be before valid_from");
        }
        v.ThrowIfAny();

        return new Subcontract
        {
            Id = id,
            TenantId = p.HoofdaanbiederId,
            OnderaannemerId = p.Onderaannemer!.Id,
            AreaIds = p.AreaIds.Order().ToList(),
            Rates = rates,
            ValidFrom = p.ValidFrom!.Value,
            ValidTo = p.ValidTo,
            State = SubcontractState.Proposed,
            ProposedAt = now,
            ProposedBy = proposedBy,
        };
    }

    /// <summary>The gemeente gives its prior written consent.</summary>
    public void Consent(string by, string? reference, DateTimeOffset now)
    {
        RequireState(SubcontractState.Proposed, "consent to");
        var v = new Violations();
        Text.Optional(v, "consent_reference", reference, 100);
        v.ThrowIfAny();
        State = SubcontractState.Consented;
        DecidedAt = now;
        DecidedBy = by;
        ConsentReference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
    }

    /// <summary>The gemeente refuses; the reason is shown to the hoofdaanbieder.</summary>
    public void Refuse(string by, string reason, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Required(v, "reason", reason, 3, 1000);
        v.ThrowIfAny();
        RequireState(SubcontractState.Proposed, "refuse");
        State = SubcontractState.Refused;
        DecidedAt = now;
        DecidedBy = by;
        RefusalReason = reason.Trim();
    }

    /// <summary>The hoofdaanbieder withdraws a proposal that has not been decided.</summary>
    public void Withdraw(string by, string? reason, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Optional(v, "reason", reason, 1000);
        v.ThrowIfAny();
        RequireState(SubcontractState.Proposed, "withdraw");
        Close(SubcontractState.Withdrawn, by, reason, now);
    }

    /// <summary>The hoofdaanbieder ends a consented subcontract; <paramref name="endDate"/> becomes its last valid day.</summary>
    public void End(string by, DateOnly? endDate, string reason, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Required(v, "reason", reason, 3, 1000);
        if (endDate is null)
        {
            v.Add("end_date", "is required and must be a valid date");
        }
        else if (endDate < ValidFrom)
        {
            v.Add("end_date", $"must not be before valid_from ({ValidFrom:yyyy-MM-dd})");
        }
        else if (ValidTo is not null && endDate > ValidTo)
        {
            v.Add("end_date", $"must not be after valid_to ({ValidTo:yyyy-MM-dd})");
        }
        v.ThrowIfAny();
        RequireState(SubcontractState.Consented, "end");
        ValidTo = endDate;
        Close(SubcontractState.Ended, by, reason, now);
    }

    /// <summary>The rate of <paramref name="product"/> per <paramref name="unit"/> in force on <paramref name="date"/>; null when none is.</summary>
    public SubcontractRate? RateOn(Product product, Unit unit, DateOnly date) => RateLookup.InForce(Rates, product, unit, date);

    /// <summary>
    /// The hoofdaanbieder changes a rate from a date, without a new subcontract or consent
    /// (settlement-rules.md §3): the period in force then is closed the day before and a new open
    /// period starts. Only forward: a date on or before the start of the latest period of that
    /// product and unit would overlap and is refused. A unit the subcontract had no rate for starts
    /// its first period; a product it does not cover needs the gemeente's consent (a new subcontract).
    /// Recording the same change again (same product, unit, date and rate) changes nothing and
    /// returns false, so a retried call is harmless.
    /// </summary>
    public bool ChangeRate(RateChangeRequest change, string by, string byName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var v = new Violations();
        var ok = v.Check(change.Product is null, "product", "must be a product category");
        ok &= v.Check(change.Unit is null, "unit", "must be a unit");
        if (ok && !Products.Allows(change.Product!.Value, change.Unit!.Value))
        {
            v.Add("unit", $"unit {change.Unit} is not allowed for product {change.Product}");
            ok = false;
        }
        if (ok && !Rates.Any(r => r.Product == change.Product))
        {
            v.Add("product", "the subcontract has no rate for this product; a new product needs a new subcontract and the gemeente's consent");
            ok = false;
        }
        v.Check(change.RateCents is < 1 or > SubcontractRate.MaxRateCents, "rate_cents", $"must be 1-{SubcontractRate.MaxRateCents} cents");
        Text.Required(v, "reason", change.Reason, 3, 1000);
        SubcontractRate? latest = null;
        if (change.EffectiveFrom is not { } from)
        {
            v.Add("effective_from", "is required and must be a valid date");
        }
        else if (from < ValidFrom)
        {
            v.Add("effective_from", $"must not be before the subcontract's first day ({ValidFrom:yyyy-MM-dd})");
        }
        else if (ValidTo is not null && from > ValidTo)
        {
            v.Add("effective_from", $"must not be after the subcontract's last day ({ValidTo:yyyy-MM-dd})");
        }
        else if (ok)
        {
            latest = Rates.Where(r => r.Product == change.Product && r.Unit == change.Unit).MaxBy(r => r.ValidFrom);
            if (latest is not null && latest.ValidFrom == from && latest.RateCents == change.RateCents)
            {
                v.ThrowIfAny();
                return false;
            }
            if (latest is not null && from <= latest.ValidFrom)
            {
                v.Add("effective_from", $"must be after {latest.ValidFrom:yyyy-MM-dd}, the first day of the latest rate of this product and unit; periods may not overlap");
            }
            else if (latest is not null && latest.RateCents == change.RateCents)
            {
                v.Add("rate_cents", "is the rate already in force on that date");
            }
        }
        v.ThrowIfAny();
        RequireState(SubcontractState.Consented, "change a rate of");

        var product = change.Product!.Value;
        var unit = change.Unit!.Value;
        var start = change.EffectiveFrom!.Value;
        // New lists of new instances: the JSON columns are rewritten whole, and no instance tracked at one
        // position of the stored array is moved to another (the store keys them by position).
        var periods = Rates.Select(r => r == latest ? r with { ValidTo = start.AddDays(-1) } : r with { }).ToList();
        periods.Add(new SubcontractRate(product, unit, change.RateCents, start, null));
        Rates = [.. periods.OrderBy(r => r.Product).ThenBy(r => r.Unit).ThenBy(r => r.ValidFrom)];
        RateChanges = [.. RateChanges.Select(c => c with { }), new SubcontractRateChange(product, unit, start, latest?.RateCents, change.RateCents,
            change.Reason!.Trim(), by, byName, now)];
        return true;
    }

    private void Close(SubcontractState state, string by, string? reason, DateTimeOffset now)
    {
        State = state;
        ClosedAt = now;
        ClosedBy = by;
        CloseReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private void RequireState(SubcontractState required, string action)
    {
        if (State != required)
        {
            throw new InvalidStateException($"Cannot {action} a subcontract in state {State}; it must be {required}.",
                ErrorReasons.SubcontractWrongState,
                new Dictionary<string, string> { ["state"] = State.ToString().ToUpperInvariant(), ["required"] = required.ToString().ToUpperInvariant(), ["action"] = action });
        }
    }

    private static void ValidateOnderaannemer(Violations v, SubcontractProposal p)
    {
        if (p.Onderaannemer is null)
        {
            v.Add("onderaannemer_id", "must be the id of a registered onderaannemer");
        }
        else if (p.Onderaannemer.Id == p.HoofdaanbiederId)
        {
            v.Add("onderaannemer_id", "a hoofdaanbieder cannot subcontract to itself");
        }
        else if (p.Onderaannemer.Kind != ProviderKind.Onderaannemer)
        {
            v.Add("onderaannemer_id", "must be a provider registered as onderaannemer");
        }
        else if (!KvkNumber.IsValid(p.Onderaannemer.KvkNumber))
        {
            v.Add("onderaannemer_id", "the onderaannemer has no valid KvK registration");
        }
    }

    private static void ValidateAreas(Violations v, SubcontractProposal p)
    {
        if (p.AreaIds.Count == 0)
        {
            v.Add("area_ids", "at least one area is required");
            return;
        }
        for (var i = 0; i < p.AreaIds.Count; i++)
        {
            var area = p.AreaIds[i];
            if (!AreaIdRules.Required(v, area, $"area_ids[{i}]"))
            {
                continue;
            }
            if (p.AreaIds.Take(i).Contains(area))
            {
                v.Add($"area_ids[{i}]", "is listed twice");
            }
            else if (p.ValidFrom is not null && !p.AreasHeldOnStart.Contains(area))
            {
                v.Add($"area_ids[{i}]", "the hoofdaanbieder does not hold this area on valid_from");
            }
        }
    }

    private static List<SubcontractRate> ValidateRates(Violations v, IReadOnlyList<(Product? Product, Unit? Unit, long RateCents)> rates, DateOnly from)
    {
        var result = new List<SubcontractRate>();
        if (rates.Count == 0)
        {
            v.Add("rates", "at least one rate is required");
        }
        for (var i = 0; i < rates.Count; i++)
        {
            var (product, unit, cents) = rates[i];
            var ok = v.Check(product is null, $"rates[{i}].product", "must be a product category");
            ok &= v.Check(unit is null, $"rates[{i}].unit", "must be a unit");
            if (product is not null && unit is not null && !Products.Allows(product.Value, unit.Value))
            {
                v.Add($"rates[{i}].unit", $"unit {unit} is not allowed for product {product}");
                ok = false;
            }
            ok &= v.Check(cents is < 1 or > SubcontractRate.MaxRateCents, $"rates[{i}].rate_cents", $"must be 1-{SubcontractRate.MaxRateCents} cents");
            if (ok && result.Any(r => r.Product == product && r.Unit == unit))
            {
                v.Add($"rates[{i}]", "a rate for this product and unit is already given");
                ok = false;
            }
            if (ok)
            {
                result.Add(new SubcontractRate(product!.Value, unit!.Value, cents, from, null));
            }
        }
        return result;
    }
}
