using System.Globalization;
using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Hours;

/// <summary>
/// Judges hour entries one after another against the gathered facts and against the entries
/// accepted before them in the same batch or import stream: a key used twice, a reversal of the
/// same entry twice, and the 24 hours per client-day over earlier entries of the batch. Use one
/// instance per batch or stream; <see cref="Add"/> may be called as the stream arrives.
/// Rules that protect other tenants come first: a foreign arrangement or foreign entry gives the
/// same answer as an unknown one, and nothing about it is checked further.
/// </summary>
public sealed class HourEntryBatch(HourEntryContext context)
{
    private readonly List<HourEntryOutcome> _outcomes = [];
    private readonly Dictionary<string, (int Index, HourEntryContent Content)> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _reversedHere = [];
    private readonly Dictionary<(Guid Client, DateOnly Date), int> _minutesHere = [];

    public IReadOnlyList<HourEntryOutcome> Outcomes => _outcomes;

    /// <summary>True when no entry so far was rejected (a batch is stored all-or-nothing).</summary>
    public bool AllAccepted => _outcomes.All(o => !o.IsRejected);

    /// <summary>Judges the next entry; its index is its position in the batch.</summary>
    public HourEntryOutcome Add(HourEntryCheck check)
    {
        var outcome = Judge(_outcomes.Count, check);
        _outcomes.Add(outcome);
        if (outcome.Accepted is { } accepted)
        {
            Remember(accepted);
        }
        return outcome;
    }

    private HourEntryOutcome Judge(int index, HourEntryCheck check)
    {
        var input = check.Input;
        var content = input.TryGetContent();
        var key = input.EntryKey ?? "";
        var stored = check.StoredWithSameKey is { } s && s.ReportedByProviderId == context.ReporterId ? s : null;

        // A resend of what is already there is harmless, whatever changed since: counted before any check.
        if (content is not null && stored is not null && stored.Content == content)
        {
            return new HourEntryOutcome(index, HourEntryOutcomeKind.Existing, null, stored.Id, null, []);
        }
        if (content is not null && _keys.TryGetValue(key, out var earlier) && earlier.Content == content)
        {
            return new HourEntryOutcome(index, HourEntryOutcomeKind.Existing, null, null, earlier.Index, []);
        }

        var rejections = new List<HourEntryRejection>(HourEntryFieldRules.Check(input));
        if (stored is not null)
        {
            rejections.Add(new(HourEntryRejectionReason.DuplicateKeyConflict, "entry_key", $"entry_key \"{key}\" is already stored with different content"));
        }
        else if (_keys.TryGetValue(key, out var used))
        {
            rejections.Add(new(HourEntryRejectionReason.DuplicateKeyConflict, "entry_key", $"entry_key \"{key}\" is used by entry {used.Index} of this batch with different content"));
        }

        AcceptedHourEntry? accepted = null;
        if (content is not null)
        {
            accepted = CheckAgainstFacts(check, content, rejections);
        }

        if (rejections.Count > 0)
        {
            var ranked = rejections.OrderBy(r => r.Reason.Rank()).ToList();
            return new HourEntryOutcome(index, HourEntryOutcomeKind.Rejected, null, null, null, ranked);
        }
        return new HourEntryOutcome(index, HourEntryOutcomeKind.Created, accepted! with { EntryKey = key }, null, null, []);
    }

    private AcceptedHourEntry? CheckAgainstFacts(HourEntryCheck check, HourEntryContent content, List<HourEntryRejection> rejections)
    {
        var arrangement = check.Arrangement;
        if (arrangement is null || arrangement.Id != content.ArrangementId || !arrangement.IsExecutedBy(context.ReporterId))
        {
            rejections.Add(new(HourEntryRejectionReason.UnknownArrangement, "arrangement_id",
                $"arrangement {content.ArrangementId} does not exist or is not executed by your organisation"));
            return null;
        }

        var validReversal = content.ReversesEntryId is { } reversedId && CheckReversal(check.ReversedEntry, reversedId, content, rejections);
        if (content.Product != arrangement.Product)
        {
            rejections.Add(new(HourEntryRejectionReason.ProductMismatch, "product",
                $"product {content.Product} is not the arrangement's product {arrangement.Product}"));
        }
        if (content.Unit != arrangement.Unit)
        {
            rejections.Add(new(HourEntryRejectionReason.UnitMismatch, "unit",
                $"unit {content.Unit} is not the arrangement's unit {arrangement.Unit}"));
        }
        var date = content.ServiceDate;
        if (date > context.Today)
        {
            rejections.Add(new(HourEntryRejectionReason.DateInFuture, "service_date",
                $"service_date {D(date)} is after today {D(context.Today)} (Europe/Amsterdam)"));
        }

        var version = arrangement.VersionOn(date);
        // A reversal mirrors an entry that passed these checks when it was approved; a later end
        // date or subcontract end must not make a wrongly approved entry impossible to correct.
        if (!validReversal)
        {
            CheckDates(arrangement, version, date, rejections);
        }
        CheckClientDay(check, arrangement, content, rejections);

        return new AcceptedHourEntry("", content, arrangement.ClientId, arrangement.AreaId, arrangement.HoofdaanbiederId,
            context.ReporterId, version?.Subcontract?.Id);
    }

    private bool CheckReversal(StoredEntryFacts? reversed, Guid reversedId, HourEntryContent content, List<HourEntryRejection> rejections)
    {
        var before = rejections.Count;
        void Fail(string field, string message) => rejections.Add(new(HourEntryRejectionReason.InvalidReversal, field, message));

        if (reversed is null || reversed.Id != reversedId || reversed.ReportedByProviderId != context.ReporterId)
        {
            Fail("reverses_entry_id", $"entry {reversedId} does not exist or was not reported by your organisation");
        }
        else if (reversed.Content.ReversesEntryId is not null)
        {
            Fail("reverses_entry_id", $"entry {reversedId} is itself a reversal and cannot be reversed");
        }
        else if (reversed.Status != HourEntryStatus.Approved)
        {
            Fail("reverses_entry_id", $"entry {reversedId} is {reversed.Status}; only an approved entry can be reversed");
        }
        else if (reversed.ReversedByEntryId is { } by)
        {
            Fail("reverses_entry_id", $"entry {reversedId} is already reversed by entry {by}");
        }
        else if (_reversedHere.Contains(reversedId))
        {
            Fail("reverses_entry_id", $"entry {reversedId} is already reversed by an earlier entry of this batch");
        }
        else
        {
            var original = reversed.Content;
            if (original.ArrangementId != content.ArrangementId)
            {
                Fail("arrangement_id", $"must be the reversed entry's arrangement {original.ArrangementId}");
            }
            if (original.ServiceDate != content.ServiceDate)
            {
                Fail("service_date", $"must be the reversed entry's service_date {D(original.ServiceDate)}");
            }
            if (original.Product != content.Product)
            {
                Fail("product", $"must be the reversed entry's product {original.Product}");
            }
            if (original.Unit != content.Unit)
            {
                Fail("unit", $"must be the reversed entry's unit {original.Unit}");
            }
            if (content.Quantity != -(long)original.Quantity)
            {
                Fail("quantity", $"must be {-(long)original.Quantity}, the negated quantity of the reversed entry");
            }
        }
        return rejections.Count == before;
    }

    private void CheckDates(ArrangementFacts arrangement, ExecutorVersionFacts? version, DateOnly date, List<HourEntryRejection> rejections)
    {
        void Fail(HourEntryRejectionReason reason, string message) => rejections.Add(new(reason, "service_date", message));

        if (!arrangement.Started)
        {
            Fail(HourEntryRejectionReason.DateOutsideArrangement, "the arrangement has not started");
            return;
        }
        if (date < arrangement.StartDate)
        {
            Fail(HourEntryRejectionReason.DateOutsideArrangement, $"service_date {D(date)} is before the arrangement's start date {D(arrangement.StartDate)}");
            return;
        }
        if (arrangement.EndDate is { } end && date > end)
        {
            Fail(HourEntryRejectionReason.DateOutsideArrangement, $"service_date {D(date)} is after the arrangement's end date {D(end)}");
            return;
        }
        if (version is null || version.ExecutorProviderId != context.ReporterId)
        {
            Fail(HourEntryRejectionReason.DateOutsideArrangement, $"on {D(date)} the arrangement is executed by another organisation");
            return;
        }

        var subcontract = version.Subcontract;
        if (subcontract is null)
        {
            if (version.ExecutorProviderId != arrangement.HoofdaanbiederId)
            {
                Fail(HourEntryRejectionReason.DateOutsideSubcontract, $"on {D(date)} no subcontract covers your execution of this arrangement");
            }
            return;
        }
        if (!subcontract.InEffect)
        {
            Fail(HourEntryRejectionReason.DateOutsideSubcontract, $"subcontract {subcontract.Id} is not consented by the gemeente");
        }
        else if (!subcontract.IsValidOn(date))
        {
            var to = subcontract.ValidTo is { } t ? D(t) : "open-ended";
            Fail(HourEntryRejectionReason.DateOutsideSubcontract, $"service_date {D(date)} is outside subcontract {subcontract.Id} ({D(subcontract.ValidFrom)} to {to})");
        }
        else if (!subcontract.AreaIds.Contains(arrangement.AreaId))
        {
            Fail(HourEntryRejectionReason.DateOutsideSubcontract, $"subcontract {subcontract.Id} does not cover area {arrangement.AreaId}");
        }
        else if (!subcontract.Products.Contains(arrangement.Product))
        {
            Fail(HourEntryRejectionReason.DateOutsideSubcontract, $"subcontract {subcontract.Id} has no rate for product {arrangement.Product}");
        }
    }

    private void CheckClientDay(HourEntryCheck check, ArrangementFacts arrangement, HourEntryContent content, List<HourEntryRejection> rejections)
    {
        // Only minutes add up to a day; dagdeel and etmaal counts have no agreed minute equivalent (hours.proto).
        if (content.Unit != Unit.Hour || arrangement.Unit != Unit.Hour || content.Quantity <= 0)
        {
            return;
        }
        var here = _minutesHere.GetValueOrDefault((arrangement.ClientId, content.ServiceDate));
        var total = (long)check.StoredClientDayMinutes + here + content.Quantity;
        if (total > HourQuantityLimits.MinutesPerDay)
        {
            rejections.Add(new(HourEntryRejectionReason.Over24HoursPerClientDay, "quantity",
                $"the client would have {total} minutes on {D(content.ServiceDate)} ({check.StoredClientDayMinutes} stored, {here} earlier in this batch, {content.Quantity} now); at most {HourQuantityLimits.MinutesPerDay}"));
        }
    }

    private void Remember(AcceptedHourEntry accepted)
    {
        var content = accepted.Content;
        _keys.TryAdd(accepted.EntryKey, (_outcomes.Count - 1, content));
        if (content.ReversesEntryId is { } reversed)
        {
            _reversedHere.Add(reversed);
        }
        if (content.Unit == Unit.Hour)
        {
            var slot = (accepted.ClientId, content.ServiceDate);
            _minutesHere[slot] = _minutesHere.GetValueOrDefault(slot) + content.Quantity;
        }
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
