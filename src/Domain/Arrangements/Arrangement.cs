using System.Text;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Referrals;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Subcontracts;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Arrangements;

/// <summary>
/// A support arrangement: the support one client receives for one product, from the request through
/// the hoofdaanbieder's decision, WIJ's approval and the gemeente's beschikking (aanvullend only) to
/// delivery and end (domain brief §5, §6; arrangements.proto). Owned by the hoofdaanbieder of the
/// client's area (the tenant). The terms that change over time are effective-dated
/// <see cref="Versions"/>; <see cref="ExecutorProviderIds"/> lists every provider that executes a
/// version, for the onderaannemer's visibility.
/// Each changing method checks the state first (<see cref="InvalidStateException"/> naming the current
/// state), then the input (<see cref="DomainValidationException"/> naming every bad field), and returns
/// the <see cref="ArrangementTransition"/> to store; nothing changes when it throws.
/// </summary>
public sealed class Arrangement : ITenantOwned
{
    public const int MaxVolume = 1_000_000;

    private Arrangement() { }

    public Guid Id { get; private set; }

    /// <summary>The hoofdaanbieder that holds the client's area and owns the arrangement.</summary>
    public Guid TenantId { get; private set; }

    public Guid HoofdaanbiederId => TenantId;
    public Guid ClientId { get; private set; }
    public int AreaId { get; private set; }
    public EntryChannel EntryChannel { get; private set; }

    /// <summary>The accepted referral it serves; null for direct entry.</summary>
    public Guid? ReferralId { get; private set; }

    /// <summary>The WIJ organisation of the referral: it sees the arrangement and approves aanvullend support.</summary>
    public Guid? WijOrganisationId { get; private set; }

    public ArrangementState State { get; private set; }
    public SupportType? SupportType { get; private set; }
    public Product? Product { get; private set; }
    public Unit? Unit { get; private set; }

    /// <summary>Planned first day until started, then the actual one.</summary>
    public DateOnly? StartDate { get; private set; }

    /// <summary>Last day (inclusive): planned until ended, then actual; null means open-ended.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>Effective-dated terms, ordered by <see cref="ArrangementVersion.Number"/> when read through <see cref="OrderedVersions"/>.</summary>
    public List<ArrangementVersion> Versions { get; private set; } = [];

    public List<Beschikking> Beschikkingen { get; private set; } = [];

    /// <summary>Every provider that executes (or executed) a version: the hoofdaanbieder and/or onderaannemers.</summary>
    public List<Guid> ExecutorProviderIds { get; private set; } = [];

    public string? DecisionNote { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? WijReviewedAt { get; private set; }
    public string? WijReviewedBy { get; private set; }
    public string? WijReviewNote { get; private set; }
    public ArrangementEndReason? EndReason { get; private set; }
    public string? EndNote { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Number of transitions recorded, so the next one gets the next sequence number.</summary>
    public int TransitionCount { get; private set; }

    public IReadOnlyList<ArrangementVersion> OrderedVersions => Versions.OrderBy(v => v.Number).ToList();

    /// <summary>The beschikking in force: the last one recorded; null when none.</summary>
    public Beschikking? BeschikkingInForce => Beschikkingen.OrderBy(b => b.RecordedAt).ThenBy(b => b.ValidFrom).LastOrDefault();

    /// <summary>Started: ACTIVE or ENDED.</summary>
    public bool IsStarted => Started(State);

    /// <summary>Whether an arrangement in this state has started (for facts read as columns rather than as the whole arrangement).</summary>
    public static bool Started(ArrangementState state) => state is ArrangementState.Active or ArrangementState.Ended;

    /// <summary>Active on <paramref name="date"/>: started, start &lt;= date and (no end or date &lt;= end).</summary>
    public bool IsActiveOn(DateOnly date) => IsStarted && StartDate <= date && (EndDate is null || date <= EndDate);

    /// <summary>The version in force on <paramref name="date"/>; null before the start date or without versions.</summary>
    public ArrangementVersion? VersionOn(DateOnly date) =>
        StartDate is null || date < StartDate ? null : OrderedVersions.LastOrDefault(v => v.EffectiveFrom <= date) ?? OrderedVersions.FirstOrDefault();

    /// <summary>Last day of <paramref name="version"/>: the day before the next one, or the arrangement's end date.</summary>
    public DateOnly? EffectiveTo(ArrangementVersion version)
    {
        var next = OrderedVersions.FirstOrDefault(v => v.Number == version.Number + 1);
        return next is null ? EndDate : next.EffectiveFrom.AddDays(-1);
    }

    /// <summary>
    /// Registers a request for support (REQUESTED). <paramref name="referral"/> is the referral named by
    /// <paramref name="referralId"/> as far as the caller may see it (null when not found).
    /// </summary>
    public static (Arrangement Arrangement, ArrangementTransition Transition) Create(Guid id, Guid hoofdaanbiederId, Guid clientId, int areaId,
        EntryChannel? channel, Guid? referralId, Referral? referral, Actor actor, DateTimeOffset now)
    {
        var v = new Violations();
        switch (channel)
        {
            case null:
                v.Add("entry_channel", "must be ENTRY_CHANNEL_WIJ_REFERRAL or ENTRY_CHANNEL_DIRECT_INITIATIVE");
                break;
            case EntryChannel.WijReferral when referralId is null:
                v.Add("referral_id", "is required for ENTRY_CHANNEL_WIJ_REFERRAL");
                break;
            case EntryChannel.WijReferral when referral is null || referral.HoofdaanbiederId != hoofdaanbiederId:
                v.Add("referral_id", "must be a referral to this hoofdaanbieder");
                break;
            case EntryChannel.WijReferral when referral.ClientId != clientId:
                v.Add("referral_id", "is a referral of another client");
                break;
            case EntryChannel.Conversion:
                v.Add("entry_channel", "ENTRY_CHANNEL_CONVERSION is set only by the gemeente's ImportConversion");
                break;
            case EntryChannel.DirectInitiative when referralId is not null:
                v.Add("referral_id", "must be empty for ENTRY_CHANNEL_DIRECT_INITIATIVE");
                break;
        }
        v.ThrowIfAny();
        if (channel == EntryChannel.WijReferral && referral!.State != ReferralState.Accepted)
        {
            throw new InvalidStateException(
                $"Referral {referral.Id} is REFERRAL_STATE_{referral.State.ToString().ToUpperInvariant()}; CreateArrangement needs REFERRAL_STATE_ACCEPTED.",
                ErrorReasons.ReferralNotAccepted, new Dictionary<string, string> { ["state"] = referral.State.ToString().ToUpperInvariant() });
        }
        var a = new Arrangement
        {
            Id = id,
            TenantId = hoofdaanbiederId,
            ClientId = clientId,
            AreaId = areaId,
            EntryChannel = channel!.Value,
            ReferralId = channel == EntryChannel.WijReferral ? referral!.Id : null,
            WijOrganisationId = channel == EntryChannel.WijReferral ? referral!.TenantId : null,
            State = ArrangementState.Requested,
            CreatedAt = now,
            CreatedBy = actor.Subject,
            UpdatedAt = now,
        };
        return (a, a.Record(ArrangementAction.Create, null, actor, now, null));
    }

    /// <summary>
    /// Conversion at the start of a period: a running arrangement of the previous contract carried
    /// over by the gemeente into the records of the hoofdaanbieder holding the area. It skips the
    /// toegang workflow (that happened under the old contract) and starts ACTIVE with version 1 from
    /// the start date and, for aanvullend support, the beschikking it runs under. The history starts
    /// with one <see cref="ArrangementAction.Convert"/> transition whose reason is the source reference.
    /// Throws <see cref="DomainValidationException"/> naming every bad field; nothing is created then.
    /// </summary>
    public static (Arrangement Arrangement, ArrangementTransition Transition) Convert(Guid id, Guid hoofdaanbiederId, Guid clientId, int areaId,
        ConversionInput c, Actor actor, DateTimeOffset now)
    {
        var a = new Arrangement
        {
            Id = id,
            TenantId = hoofdaanbiederId,
            ClientId = clientId,
            AreaId = areaId,
            EntryChannel = EntryChannel.Conversion,
            CreatedAt = now,
            CreatedBy = actor.Subject,
            UpdatedAt = now,
        };
        var v = new Violations();
        Text.Required(v, "source_reference", c.SourceReference, 1, ConversionInput.MaxSourceReferenceLength);
        v.Check(c.SupportType is null, "support_type", "must be basis or aanvullend");
        v.Check(c.Product is null, "product", "must be a product category");
        if (c.Unit is null)
        {
            v.Add("unit", "must be a unit");
        }
        else if (c.Product is not null && !Products.Allows(c.Product.Value, c.Unit.Value))
        {
            v.Add("unit", $"unit {c.Unit} is not allowed for product {c.Product}");
        }
        v.Check(c.StartDate is null, "start_date", "is required and must be a valid date");
        if (c.EndDate is { } end)
        {
            if (c.StartDate is not null && end < c.StartDate)
            {
                v.Add("end_date", "must not be before start_date");
            }
            else if (end < c.Today)
            {
                v.Add("end_date", "lies in the past: only running arrangements are converted");
            }
        }
        else if (c.Terms.Frequency == VolumeFrequency.Total)
        {
            v.Add("end_date", "is required with frequency total");
        }
        var terms = a.CheckTerms(v, "terms", c.Terms, c.SupportType, c.Product, c.Unit, c.StartDate, allowTotal: true);
        var beschikking = CheckConversionBeschikking(v, c);
        v.ThrowIfAny();

        a.SupportType = c.SupportType!.Value;
        a.Product = c.Product!.Value;
        a.Unit = c.Unit!.Value;
        a.StartDate = c.StartDate!.Value;
        a.EndDate = c.EndDate;
        a.DecidedAt = now;
        a.DecidedBy = actor.Subject;
        a.Versions = [ArrangementVersion.Create(1, a.StartDate.Value, a.Unit.Value, terms!, null, actor.Subject, now)];
        a.RefreshExecutors();
        if (beschikking is not null)
        {
            a.Beschikkingen = [beschikking.Create(actor.Subject, now)];
        }
        a.State = ArrangementState.Active;
        var transition = a.Record(ArrangementAction.Convert, null, actor, now, c.SourceReference!.Trim())
            .With(decision: DecisionSnapshot.Of(a.SupportType.Value, a.Product.Value, a.Unit.Value, terms!, a.StartDate.Value, a.EndDate, null),
                beschikking: beschikking?.Number, date: a.StartDate);
        return (a, transition);
    }

    private sealed record ConvertedBeschikking(string Number, DateOnly DecisionDate, DateOnly ValidFrom, DateOnly? ValidTo)
    {
        public Beschikking Create(string by, DateTimeOffset now) => Beschikking.Create(Number, DecisionDate, ValidFrom, ValidTo, by, now);
    }

    /// <summary>Aanvullend runs under a beschikking that covers its start (and its end, when the beschikking ends); basis has none.</summary>
    private static ConvertedBeschikking? CheckConversionBeschikking(Violations v, ConversionInput c)
    {
        if (c.SupportType == Arrangements.SupportType.Basis)
        {
            v.Check(c.HasBeschikkingFields, "beschikking_number", "basis support has no beschikking");
            return null;
        }
        if (c.SupportType != Arrangements.SupportType.Aanvullend)
        {
            return null;
        }
        var ok = true;
        if (string.IsNullOrWhiteSpace(c.BeschikkingNumber))
        {
            v.Add("beschikking_number", "is required for aanvullend support");
            ok = false;
        }
        else
        {
            var before = v.Items.Count;
            Text.Required(v, "beschikking_number", c.BeschikkingNumber, 1, 50);
            ok &= v.Items.Count == before;
        }
        if (c.BeschikkingDecisionDate is null)
        {
            v.Add("beschikking_decision_date", "is required for aanvullend support");
            ok = false;
        }
        else
        {
            ok &= v.Check(c.BeschikkingDecisionDate > c.Today, "beschikking_decision_date", "must not be in the future");
        }
        var from = c.BeschikkingValidFrom ?? c.StartDate;
        if (from is not null && c.BeschikkingValidTo is { } to)
        {
            ok &= v.Check(to < from, "beschikking_valid_to", "must not be before the beschikking's valid_from");
        }
        if (ok && from is not null && c.StartDate is { } start)
        {
            var validity = new DateRange(from.Value, c.BeschikkingValidTo);
            ok &= v.Check(!validity.Contains(start), "start_date", "must lie within the validity of the beschikking");
            if (c.BeschikkingValidTo is { } validTo)
            {
                ok &= v.Check(c.EndDate is null, "end_date", $"is required: the beschikking ends on {validTo:yyyy-MM-dd}");
                ok &= v.Check(c.EndDate > validTo, "end_date", $"must not be after the end of the beschikking ({validTo:yyyy-MM-dd})");
            }
        }
        return ok && from is not null ? new ConvertedBeschikking(c.BeschikkingNumber!.Trim(), c.BeschikkingDecisionDate!.Value, from.Value, c.BeschikkingValidTo) : null;
    }

    /// <summary>
    /// The hoofdaanbieder decides type, product, unit, terms and dates; basis → DECIDED, aanvullend →
    /// AWAITING_WIJ_APPROVAL. A new decision replaces version 1 (the old one stays in the history).
    /// </summary>
    public ArrangementTransition Decide(DecisionInput d, Actor actor, DateTimeOffset now)
    {
        RequireState("DecideArrangement", ArrangementState.Requested, ArrangementState.Decided, ArrangementState.RejectedByWij);
        var v = new Violations();
        v.Check(d.SupportType is null, "decision.support_type", "must be SUPPORT_TYPE_BASIS or SUPPORT_TYPE_AANVULLEND");
        if (d.SupportType == Arrangements.SupportType.Aanvullend && EntryChannel == EntryChannel.DirectInitiative)
        {
            v.Add("decision.support_type", "direct entry via a maatschappelijk initiatief allows basis support only");
        }
        v.Check(d.Product is null, "decision.product", "must be a product category");
        if (d.Unit is null)
        {
            v.Add("decision.unit", "must be a unit");
        }
        else if (d.Product is not null && !Products.Allows(d.Product.Value, d.Unit.Value))
        {
            v.Add("decision.unit", $"unit {d.Unit} is not allowed for product {d.Product}");
        }
        v.Check(d.StartDate is null, "decision.start_date", "is required and must be a valid date");
        if (d.StartDate is not null && d.EndDate is not null && d.EndDate < d.StartDate)
        {
            v.Add("decision.end_date", "must not be before start_date");
        }
        if (d.Terms.Frequency == VolumeFrequency.Total && d.EndDate is null)
        {
            v.Add("decision.end_date", "is required with VOLUME_FREQUENCY_TOTAL");
        }
        var terms = CheckTerms(v, "decision.terms", d.Terms, d.SupportType, d.Product, d.Unit, d.StartDate, allowTotal: true);
        Text.Optional(v, "decision.note", d.Note, 4000);
        v.ThrowIfAny();

        var from = State;
        SupportType = d.SupportType!.Value;
        Product = d.Product!.Value;
        Unit = d.Unit!.Value;
        StartDate = d.StartDate!.Value;
        EndDate = d.EndDate;
        DecisionNote = Clean(d.Note);
        DecidedAt = now;
        DecidedBy = actor.Subject;
        Versions = [ArrangementVersion.Create(1, StartDate.Value, Unit.Value, terms!, null, actor.Subject, now)];
        RefreshExecutors();
        State = SupportType == Arrangements.SupportType.Basis ? ArrangementState.Decided : ArrangementState.AwaitingWijApproval;
        return Record(ArrangementAction.Decide, from, actor, now, null)
            .With(decision: DecisionSnapshot.Of(SupportType.Value, Product.Value, Unit.Value, terms!, StartDate.Value, EndDate, DecisionNote));
    }

    /// <summary>WIJ agrees with the aanvullend decision (last say) and advises the gemeente.</summary>
    public ArrangementTransition Approve(string? note, Actor actor, DateTimeOffset now)
    {
        RequireState("ApproveArrangement", ArrangementState.AwaitingWijApproval);
        var v = new Violations();
        Text.Optional(v, "note", note, 1000);
        v.ThrowIfAny();
        var from = State;
        State = ArrangementState.AdvisedToGemeente;
        WijReviewedAt = now;
        WijReviewedBy = actor.Subject;
        WijReviewNote = Clean(note);
        return Record(ArrangementAction.WijApprove, from, actor, now, WijReviewNote);
    }

    /// <summary>WIJ disagrees with the aanvullend decision; the hoofdaanbieder may decide again or cancel.</summary>
    public ArrangementTransition Reject(string? reason, Actor actor, DateTimeOffset now)
    {
        RequireState("RejectArrangement", ArrangementState.AwaitingWijApproval);
        var v = new Violations();
        Text.Required(v, "reason", reason, 3, 1000);
        v.ThrowIfAny();
        var from = State;
        State = ArrangementState.RejectedByWij;
        WijReviewedAt = now;
        WijReviewedBy = actor.Subject;
        WijReviewNote = reason!.Trim();
        return Record(ArrangementAction.WijReject, from, actor, now, WijReviewNote);
    }

    /// <summary>
    /// The gemeente records a beschikking: ADVISED_TO_GEMEENTE → DECISION_ISSUED, or a follow-up in ACTIVE.
    /// Returns null when the same number with the same content was recorded before (nothing changes).
    /// </summary>
    public ArrangementTransition? RecordBeschikking(string? number, DateOnly? decisionDate, DateOnly? validFrom, DateOnly? validTo,
        DateOnly today, Actor actor, DateTimeOffset now)
    {
        var repeated = Beschikkingen.FirstOrDefault(b => b.Number == number?.Trim());
        if (repeated is not null && repeated.DecisionDate == decisionDate && (validFrom is null || validFrom == repeated.ValidFrom) && validTo == repeated.ValidTo)
        {
            return null; // the same beschikking again: nothing changes, whatever the state now
        }
        RequireState("RecordBeschikking", ArrangementState.AdvisedToGemeente, ArrangementState.Active);
        if (SupportType != Arrangements.SupportType.Aanvullend)
        {
            throw new InvalidStateException($"Arrangement {Id} is basis support, which needs no beschikking.", ErrorReasons.ArrangementBasisNeedsNoBeschikking);
        }
        var v = new Violations();
        Text.Required(v, "beschikking_number", number, 1, 50);
        if (decisionDate is null)
        {
            v.Add("decision_date", "is required and must be a valid date");
        }
        else if (decisionDate > today)
        {
            v.Add("decision_date", "must not be in the future");
        }
        var previous = BeschikkingInForce;
        DateOnly? from = validFrom;
        if (from is null)
        {
            if (State == ArrangementState.AdvisedToGemeente)
            {
                from = StartDate;
            }
            else if (previous?.ValidTo is { } previousTo)
            {
                from = previousTo.AddDays(1);
            }
            else
            {
                v.Add("valid_from", "is required: the beschikking in force is open-ended");
            }
        }
        if (from is not null && validTo is not null && validTo < from)
        {
            v.Add("valid_to", "must not be before valid_from");
        }
        v.ThrowIfAny();
        var trimmed = number!.Trim();
        var same = Beschikkingen.FirstOrDefault(b => b.Number == trimmed);
        if (same is not null)
        {
            if (same.SameContent(decisionDate!.Value, from!.Value, validTo))
            {
                return null;
            }
            new Violations().Add("beschikking_number", "was already recorded for this arrangement with other dates").ThrowIfAny();
        }
        var state = State;
        Beschikkingen = [.. Beschikkingen, Beschikking.Create(trimmed, decisionDate!.Value, from!.Value, validTo, actor.Subject, now)];
        if (State == ArrangementState.AdvisedToGemeente)
        {
            State = ArrangementState.DecisionIssued;
        }
        return Record(ArrangementAction.RecordBeschikking, state, actor, now, null).With(beschikking: trimmed);
    }

    /// <summary>Care starts: basis in DECIDED or aanvullend in DECISION_ISSUED → ACTIVE. Version 1 starts on the actual day.</summary>
    public ArrangementTransition Start(DateOnly? startDate, Actor actor, DateTimeOffset now)
    {
        RequireState("StartArrangement", ArrangementState.Decided, ArrangementState.DecisionIssued);
        var start = startDate ?? StartDate!.Value;
        var v = new Violations();
        if (EndDate is not null && start > EndDate)
        {
            v.Add("start_date", $"must not be after the end date ({EndDate:yyyy-MM-dd})");
        }
        var second = OrderedVersions.Skip(1).FirstOrDefault();
        if (second is not null && start > second.EffectiveFrom)
        {
            v.Add("start_date", $"must not be after the effective_from of version 2 ({second.EffectiveFrom:yyyy-MM-dd})");
        }
        if (SupportType == Arrangements.SupportType.Aanvullend && BeschikkingInForce is { } b && !new DateRange(b.ValidFrom, b.ValidTo).Contains(start))
        {
            v.Add("start_date", "must lie within the validity of the beschikking");
        }
        v.ThrowIfAny();
        var from = State;
        StartDate = start;
        OrderedVersions[0].MoveStart(start);
        State = ArrangementState.Active;
        return Record(ArrangementAction.Start, from, actor, now, null).With(date: start);
    }

    /// <summary>Appends a version with new terms from <paramref name="effectiveFrom"/> (DECISION_ISSUED or ACTIVE).</summary>
    /// <remarks>
    /// An executor change may not take effect on or before a day on which the previous executor has
    /// hour entries that are not rejected (<paramref name="hours"/>): those would fall under a version
    /// the reporter does not execute. That is a state of the arrangement (FAILED_PRECONDITION), checked
    /// after the fields; reject or reverse the entries first, or choose a later effective_from.
    /// </remarks>
    public ArrangementTransition ChangeTerms(DateOnly? effectiveFrom, TermsInput input, string? note, Actor actor, DateTimeOffset now, ReportedHours? hours = null)
    {
        RequireState("ChangeArrangementTerms", ArrangementState.DecisionIssued, ArrangementState.Active);
        var latest = OrderedVersions[^1];
        var v = new Violations();
        if (effectiveFrom is null)
        {
            v.Add("effective_from", "is required and must be a valid date");
        }
        else if (effectiveFrom <= latest.EffectiveFrom)
        {
            v.Add("effective_from", $"must be after the latest version's effective_from ({latest.EffectiveFrom:yyyy-MM-dd})");
        }
        else if (EndDate is not null && effectiveFrom > EndDate)
        {
            v.Add("effective_from", $"must not be after the end date ({EndDate:yyyy-MM-dd})");
        }
        var usesTotal = Versions.Any(x => x.Frequency == VolumeFrequency.Total);
        if (input.Frequency == VolumeFrequency.Total && !usesTotal)
        {
            v.Add("terms.frequency", "VOLUME_FREQUENCY_TOTAL is allowed only when the arrangement already uses it");
        }
        var terms = CheckTerms(v, "terms", input, SupportType, Product, Unit, effectiveFrom, allowTotal: true);
        Text.Required(v, "note", note, 3, 1000);
        v.ThrowIfAny();
        if (terms!.ExecutorProviderId != latest.ExecutorProviderId
            && (hours ?? ReportedHours.None).LastDayOf(latest.ExecutorProviderId) is { } lastDay && lastDay >= effectiveFrom)
        {
            throw new InvalidStateException(
                $"The current executor has hour entries that are not rejected up to {lastDay:yyyy-MM-dd}; " +
                $"a change of executor must take effect after that day (effective_from {effectiveFrom:yyyy-MM-dd}).",
                ErrorReasons.ArrangementExecutorHasHours, new Dictionary<string, string> { ["last_day"] = $"{lastDay:yyyy-MM-dd}" });
        }
        var version = ArrangementVersion.Create(latest.Number + 1, effectiveFrom!.Value, Unit!.Value, terms!, note!.Trim(), actor.Subject, now);
        Versions = [.. Versions, version];
        RefreshExecutors();
        return Record(ArrangementAction.ChangeTerms, State, actor, now, version.Note).With(version: version.Number);
    }

    /// <summary>Moves the planned end date or makes the arrangement open-ended (DECISION_ISSUED or ACTIVE).</summary>
    /// <remarks>The end may not move before the last day with a non-rejected hour entry (<paramref name="hours"/>): a field violation on end_date.</remarks>
    public ArrangementTransition ChangeEndDate(DateOnly? endDate, string? note, Actor actor, DateTimeOffset now, ReportedHours? hours = null)
    {
        RequireState("ChangeArrangementEndDate", ArrangementState.DecisionIssued, ArrangementState.Active);
        var latest = OrderedVersions[^1];
        var beschikking = SupportType == Arrangements.SupportType.Aanvullend ? BeschikkingInForce : null;
        var v = new Violations();
        if (endDate is null)
        {
            if (Versions.Any(x => x.Frequency == VolumeFrequency.Total))
            {
                v.Add("end_date", "is required with VOLUME_FREQUENCY_TOTAL");
            }
            else if (beschikking?.ValidTo is not null)
            {
                v.Add("end_date", $"is required: the beschikking in force ends on {beschikking.ValidTo:yyyy-MM-dd}");
            }
        }
        else if (endDate < latest.EffectiveFrom || endDate < StartDate)
        {
            v.Add("end_date", $"must not be before the latest version's effective_from ({latest.EffectiveFrom:yyyy-MM-dd})");
        }
        else if (beschikking?.ValidTo is { } to && endDate > to)
        {
            v.Add("end_date", $"must not be after the valid_to of the beschikking in force ({to:yyyy-MM-dd})");
        }
        else
        {
            CheckNotBeforeLastHours(v, endDate, hours);
        }
        Text.Required(v, "note", note, 3, 1000);
        v.ThrowIfAny();
        EndDate = endDate;
        return Record(ArrangementAction.ChangeEndDate, State, actor, now, note!.Trim()).With(date: endDate);
    }

    /// <summary>Ends an active arrangement on its actual last day with a reason (→ ENDED, final).</summary>
    /// <remarks>The actual end may not lie before the last day with a non-rejected hour entry (<paramref name="hours"/>): a field violation on end_date.</remarks>
    public ArrangementTransition End(DateOnly? endDate, ArrangementEndReason? reason, string? note, Actor actor, DateTimeOffset now, ReportedHours? hours = null)
    {
        RequireState("EndArrangement", ArrangementState.Active);
        var latest = OrderedVersions[^1];
        var v = new Violations();
        if (endDate is null)
        {
            v.Add("end_date", "is required and must be a valid date");
        }
        else if (endDate < StartDate || endDate < latest.EffectiveFrom)
        {
            v.Add("end_date", $"must not be before the start date or the latest version's effective_from ({latest.EffectiveFrom:yyyy-MM-dd})");
        }
        else if (EndDate is not null && endDate > EndDate)
        {
            v.Add("end_date", $"must not be after the planned end date ({EndDate:yyyy-MM-dd})");
        }
        else
        {
            CheckNotBeforeLastHours(v, endDate, hours);
        }
        v.Check(reason is null, "reason", "is required: an ARRANGEMENT_END_REASON");
        if (reason == ArrangementEndReason.Other)
        {
            Text.Required(v, "note", note, 3, 1000);
        }
        else
        {
            Text.Optional(v, "note", note, 1000);
        }
        v.ThrowIfAny();
        var from = State;
        State = ArrangementState.Ended;
        EndDate = endDate;
        EndReason = reason;
        EndNote = Clean(note);
        return Record(ArrangementAction.End, from, actor, now, EndNote).With(date: endDate, endReason: reason);
    }

    /// <summary>
    /// Cancels an arrangement that never started (→ CANCELLED, final). The hoofdaanbieder may in any state
    /// before ACTIVE; the gemeente only in ADVISED_TO_GEMEENTE (it refuses to issue the beschikking).
    /// </summary>
    public ArrangementTransition Cancel(string? reason, Actor actor, DateTimeOffset now)
    {
        if (actor.Role == ActorRole.Gemeente)
        {
            RequireState("CancelArrangement by the gemeente", ArrangementState.AdvisedToGemeente);
        }
        else
        {
            RequireState("CancelArrangement", ArrangementState.Requested, ArrangementState.Decided, ArrangementState.AwaitingWijApproval,
                ArrangementState.RejectedByWij, ArrangementState.AdvisedToGemeente, ArrangementState.DecisionIssued);
        }
        var v = new Violations();
        Text.Required(v, "reason", reason, 3, 1000);
        v.ThrowIfAny();
        var from = State;
        State = ArrangementState.Cancelled;
        EndNote = reason!.Trim();
        return Record(ArrangementAction.Cancel, from, actor, now, EndNote);
    }

    /// <summary>The proto name of a state, e.g. ARRANGEMENT_STATE_AWAITING_WIJ_APPROVAL.</summary>
    public static string ProtoName(ArrangementState state)
    {
        var sb = new StringBuilder("ARRANGEMENT_STATE_");
        var name = state.ToString();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                sb.Append('_');
            }
            sb.Append(char.ToUpperInvariant(name[i]));
        }
        return sb.ToString();
    }

    private static void CheckNotBeforeLastHours(Violations v, DateOnly? endDate, ReportedHours? hours)
    {
        if (endDate is { } end && (hours ?? ReportedHours.None).LastDay is { } last && end < last)
        {
            v.Add("end_date", $"must not be before the last day with an hour entry that is not rejected ({last:yyyy-MM-dd})");
        }
    }

    private ValidTerms? CheckTerms(Violations v, string prefix, TermsInput t, SupportType? type, Product? product, Unit? unit, DateOnly? from, bool allowTotal)
    {
        var ok = v.Check(t.Volume is < 1 or > MaxVolume, $"{prefix}.volume", $"must be 1-{MaxVolume}");
        ok &= v.Check(t.Frequency is null || (!allowTotal && t.Frequency == VolumeFrequency.Total), $"{prefix}.frequency", "must be a volume frequency");
        Guid executor = TenantId;
        switch (t.ExecutorKind)
        {
            case null:
                v.Add($"{prefix}.executor_kind", "must be EXECUTOR_KIND_HOOFDAANBIEDER or EXECUTOR_KIND_ONDERAANNEMER");
                ok = false;
                break;
            case Arrangements.ExecutorKind.Hoofdaanbieder:
                ok &= v.Check(t.SubcontractId is not null, $"{prefix}.subcontract_id", "must be empty when the hoofdaanbieder executes");
                break;
            case Arrangements.ExecutorKind.Onderaannemer:
                ok &= CheckSubcontract(v, $"{prefix}.subcontract_id", t, product, unit, from);
                executor = t.Subcontract?.OnderaannemerId ?? Guid.Empty;
                break;
        }
        if (t.ViaInitiative)
        {
            ok &= v.Check(type == Arrangements.SupportType.Aanvullend, $"{prefix}.via_initiative", "only basis support can be delivered through a maatschappelijk initiatief");
            var name = t.InitiativeName?.Trim() ?? "";
            ok &= v.Check(name.Length is < 2 or > 200, $"{prefix}.initiative_name", "is required (2-200 characters) when via_initiative is true");
        }
        else
        {
            ok &= v.Check(EntryChannel == EntryChannel.DirectInitiative, $"{prefix}.via_initiative", "must be true for direct entry via a maatschappelijk initiatief");
            ok &= v.Check(!string.IsNullOrWhiteSpace(t.InitiativeName), $"{prefix}.initiative_name", "must be empty when via_initiative is false");
        }
        return ok ? new ValidTerms(t.Volume, t.Frequency!.Value, t.ExecutorKind!.Value, t.ExecutorKind == Arrangements.ExecutorKind.Onderaannemer ? t.SubcontractId : null,
            executor, t.ViaInitiative, t.ViaInitiative ? t.InitiativeName!.Trim() : null) : null;
    }

    private bool CheckSubcontract(Violations v, string field, TermsInput t, Product? product, Unit? unit, DateOnly? from)
    {
        if (t.SubcontractId is null)
        {
            v.Add(field, "is required when an onderaannemer executes");
            return false;
        }
        var s = t.Subcontract;
        if (s is null || s.TenantId != TenantId)
        {
            v.Add(field, "must be a subcontract of this hoofdaanbieder");
            return false;
        }
        if (s.State != SubcontractState.Consented)
        {
            v.Add(field, $"the subcontract is {s.State}; only a subcontract the gemeente consented to may be used");
            return false;
        }
        if (!s.AreaIds.Contains(AreaId))
        {
            v.Add(field, $"the subcontract does not cover area {AreaId}");
            return false;
        }
        if (product is not null && unit is not null && !s.Rates.Any(r => r.Product == product && r.Unit == unit))
        {
            v.Add(field, $"the subcontract has no rate for {product} per {unit}");
            return false;
        }
        if (from is not null && !s.Validity.Contains(from.Value))
        {
            v.Add(field, $"the subcontract is not valid on {from:yyyy-MM-dd}");
            return false;
        }
        return true;
    }

    private void RefreshExecutors() =>
        ExecutorProviderIds = OrderedVersions.Select(x => x.ExecutorProviderId).Distinct().ToList();

    private void RequireState(string action, params ArrangementState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new InvalidStateException(
                $"Arrangement {Id} is {ProtoName(State)}; {action} needs {string.Join(" or ", allowed.Select(ProtoName))}.",
                ErrorReasons.ArrangementWrongState,
                new Dictionary<string, string> { ["state"] = ProtoName(State), ["action"] = action, ["allowed"] = string.Join(",", allowed.Select(ProtoName)) });
        }
    }

    private ArrangementTransition Record(ArrangementAction action, ArrangementState? from, Actor actor, DateTimeOffset now, string? reason)
    {
        TransitionCount++;
        UpdatedAt = now;
        return ArrangementTransition.Create(this, TransitionCount, action, from, actor, now, reason);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
