using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using GonPortal.Server.Data;
using GonPortal.Server.Providers;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainClient = GonPortal.Domain.Clients.Client;

namespace GonPortal.Server.Conversion;

/// <summary>
/// Conversion at the start of a period (conversion.proto). The gemeente writes into the records of
/// the hoofdaanbieder holding each client's area: the one cross-tenant write path
/// (<see cref="CrossTenantAccess.AllowWrite"/>, audited once per hoofdaanbieder and import), after one
/// audited read of the subcontracts that executors must have. The lines of one client (same BSN) are
/// judged together and saved in one SaveChanges, so a client is stored whole or not at all.
/// </summary>
public sealed class ConversionImport(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant, TenantBlindLookups lookups,
    AreaHolding holding, PersonalDataProtector protector, CallInfo call, TimeProvider clock, ClientAccessLog log)
{
    public async Task<ConversionReport> RunAsync(IReadOnlyList<ConversionRow> rows, CancellationToken ct)
    {
        var now = AccessProcessSupport.Now(clock);
        var today = AmsterdamCalendar.Today(clock);
        var actor = AccessProcessSupport.Actor(tenant);
        var lines = rows.Select(ConversionLine.Read).ToList();
        var results = new Dictionary<int, ConversionLineResult>();

        var references = lines.Select(l => l.SourceReference).Where(r => r.Length > 0).Distinct().ToList();
        var converted = (await db.Set<ConversionRecord>().AsNoTracking().Where(r => references.Contains(r.SourceReference))
            .Select(r => r.SourceReference).ToListAsync(ct)).ToHashSet();
        foreach (var line in lines.Where(l => converted.Contains(l.SourceReference)))
        {
            results[line.Line] = new(line.Line, line.SourceReference, ConversionOutcome.AlreadyConverted, null);
        }
        var open = lines.Where(l => !results.ContainsKey(l.Line)).ToList();
        foreach (var duplicate in open.Where(l => l.SourceReference.Length > 0).GroupBy(l => l.SourceReference).SelectMany(g => g.Skip(1)))
        {
            duplicate.Refuse(ConversionProblem.DuplicateSourceReference, ConversionColumns.SourceReference, "occurs on an earlier line of this file");
        }

        var executors = await ExecutorsAsync(open, ct);
        var subcontracts = executors.Count == 0 ? [] : await (await crossTenant.ReadAsync<Subcontract>("Conversion: subcontracts of executors", ct))
            .AsNoTracking().Where(s => executors.Values.Select(p => p.Id).Contains(s.OnderaannemerId)).ToListAsync(ct);

        var clientsCreated = 0;
        var audited = new HashSet<Guid>();
        // A line without a valid BSN cannot be tied to a client: it stands alone.
        foreach (var group in open.GroupBy(l => DomainClient.Fold(l.Bsn) is { Length: 9 } b && Domain.Clients.Bsn.IsValid(b) ? b : $"line {l.Line}"))
        {
            var client = group.ToList();
            var plan = await PlanAsync(client, executors, subcontracts, actor, today, now, ct);
            if (client.Any(l => l.Refused))
            {
                foreach (var line in client.Where(l => !l.Refused))
                {
                    line.Refuse(ConversionProblem.OtherLineOfClient, "", "another line of this client was refused");
                }
            }
            else if (plan is not null)
            {
                if (audited.Add(plan.HoofdaanbiederId))
                {
                    crossTenant.AllowWrite(plan.HoofdaanbiederId, $"Conversion into the records of hoofdaanbieder {plan.HoofdaanbiederId}");
                }
                if (plan.NewClient is not null)
                {
                    db.Clients.Add(plan.NewClient);
                }
                db.Arrangements.AddRange(plan.Arrangements.Select(a => a.Arrangement));
                db.ArrangementTransitions.AddRange(plan.Arrangements.Select(a => a.Transition));
                db.Set<ConversionRecord>().AddRange(plan.Arrangements.Select((a, i) =>
                    ConversionRecord.For(tenant.TenantId, a.Arrangement, client[i].SourceReference, tenant.Subject, now)));
                log.Wrote("Client", plan.Arrangements.Select(a => a.Arrangement.ClientId).Append(plan.NewClient?.Id ?? Guid.Empty));
                try
                {
                    await db.SaveChangesAsync(ct);
                    clientsCreated += plan.NewClient is null ? 0 : 1;
                }
                catch (DbUpdateException)
                {
                    // Another import stored one of these references (or this BSN) at the same moment: this
                    // client stays out whole; sending the file again reports what that import stored.
                    db.ChangeTracker.Clear();
                    audited.Remove(plan.HoofdaanbiederId);
                    foreach (var line in client)
                    {
                        line.Refuse(ConversionProblem.InvalidValue, ConversionColumns.SourceReference, "conflicted with a concurrent conversion; send the file again");
                    }
                }
            }
            foreach (var line in client)
            {
                results[line.Line] = line.Refused
                    ? new(line.Line, line.SourceReference, ConversionOutcome.Refused, line.Refusal)
                    : new(line.Line, line.SourceReference, ConversionOutcome.Converted, null);
            }
        }

        var report = lines.Select(l => results[l.Line]).ToList();
        db.AuditEntries.Add(AuditRecord.For(tenant, call, clock.GetUtcNow(),
            $"Conversion import: {report.Count} lines, {report.Count(r => r.Outcome == ConversionOutcome.Converted)} converted, " +
            $"{report.Count(r => r.Outcome == ConversionOutcome.AlreadyConverted)} already converted, {report.Count(r => r.Outcome == ConversionOutcome.Refused)} refused",
            "write"));
        await db.SaveChangesAsync(ct);
        return new ConversionReport(report, clientsCreated);
    }

    private sealed record ClientPlan(Guid HoofdaanbiederId, DomainClient? NewClient, List<(Arrangement Arrangement, ArrangementTransition Transition)> Arrangements);

    /// <summary>Judges every line of one client; refuses lines in place and returns what to store when none is refused.</summary>
    private async Task<ClientPlan?> PlanAsync(List<ConversionLine> lines, IReadOnlyDictionary<string, Provider> executors, List<Subcontract> subcontracts,
        Actor actor, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var first = lines[0];
        foreach (var other in lines.Skip(1).Where(l => l.ClientKey != first.ClientKey))
        {
            other.Refuse(ConversionProblem.ClientDetailsDiffer, "", "name, date of birth, postcode or area differs from an earlier line with this BSN");
        }
        if (lines.Any(l => l.Refused) || first.AreaId == 0)
        {
            foreach (var line in lines.Where(l => l.AreaId == 0))
            {
                line.Refuse(ConversionProblem.MissingValue, ConversionColumns.Area, "area_id is required");
            }
            return null;
        }
        var owner = await holding.ResponsibleHoofdaanbiederAsync(first.AreaId, today, ct);
        if (owner is null)
        {
            first.Refuse(ConversionProblem.AreaNotHeld, ConversionColumns.Area, "no hoofdaanbieder holds this area today or later");
            return null;
        }
        var registration = first.Registration(owner.Value, today);
        DomainClient? newClient = null;
        Guid clientId;
        var violations = new Domain.Validation.Violations();
        DomainClient.Validate(violations, registration);
        if (violations.Any)
        {
            first.Refuse(violations.Items[0]);
            return null;
        }
        var existing = await lookups.ClientByBsnHashAsync(first.AreaId, protector.LookupHash(first.Bsn), ct);
        if (existing is not null && existing.TenantId != owner)
        {
            first.Refuse(ConversionProblem.ClientWithOtherHoofdaanbieder, ConversionColumns.Bsn, "this BSN is registered in the area with another hoofdaanbieder");
            return null;
        }
        if (existing is null)
        {
            newClient = DomainClient.Register(Guid.NewGuid(), registration, protector.Protect(first.Bsn), tenant.Subject, tenant.TenantId, false, now);
            clientId = newClient.Id;
        }
        else
        {
            clientId = existing.Id;
        }

        var arrangements = new List<(Arrangement, ArrangementTransition)>();
        foreach (var line in lines)
        {
            var terms = Terms(line, owner.Value, executors, subcontracts);
            if (line.Refused)
            {
                continue;
            }
            try
            {
                arrangements.Add(Arrangement.Convert(Guid.NewGuid(), owner.Value, clientId, line.AreaId, line.Input(terms!, today), actor, now));
            }
            catch (DomainValidationException e)
            {
                line.Refuse(e.Violations[0]);
            }
        }
        return lines.Any(l => l.Refused) ? null : new ClientPlan(owner.Value, newClient, arrangements);
    }

    /// <summary>
    /// The executor of a line: the hoofdaanbieder itself when no KvK number is given (or its own), else the
    /// onderaannemer's subcontract with the hoofdaanbieder that fits best; the domain judges whether it may be used.
    /// </summary>
    private static Domain.Arrangements.TermsInput? Terms(ConversionLine line, Guid owner, IReadOnlyDictionary<string, Provider> executors, List<Subcontract> subcontracts)
    {
        var kvk = line.ExecutorKvk;
        if (kvk.Length == 0)
        {
            return new(line.Volume, line.Frequency, ExecutorKind.Hoofdaanbieder, null, null, false, null);
        }
        if (!executors.TryGetValue(kvk, out var provider) || provider.Kind is not (ProviderKind.Onderaannemer or ProviderKind.Hoofdaanbieder))
        {
            line.Refuse(ConversionProblem.UnknownExecutor, ConversionColumns.ExecutorKvk, "no onderaannemer with this KvK number in the provider register");
            return null;
        }
        if (provider.Id == owner)
        {
            return new(line.Volume, line.Frequency, ExecutorKind.Hoofdaanbieder, null, null, false, null);
        }
        var start = line.StartDate ?? DateOnly.MinValue;
        var subcontract = subcontracts.Where(s => s.TenantId == owner && s.OnderaannemerId == provider.Id)
            .OrderByDescending(s => s.State == SubcontractState.Consented)
            .ThenByDescending(s => s.AreaIds.Contains(line.AreaId))
            .ThenByDescending(s => s.Validity.Contains(start))
            .ThenByDescending(s => s.Rates.Any(r => r.Product == line.Product && r.Unit == line.Unit))
            .FirstOrDefault();
        if (subcontract is null)
        {
            line.Refuse(ConversionProblem.NoConsentedSubcontract, ConversionColumns.ExecutorKvk, "the onderaannemer has no subcontract with this hoofdaanbieder");
            return null;
        }
        return new(line.Volume, line.Frequency, ExecutorKind.Onderaannemer, subcontract.Id, subcontract, false, null);
    }

    private async Task<Dictionary<string, Provider>> ExecutorsAsync(List<ConversionLine> lines, CancellationToken ct)
    {
        var numbers = lines.Select(l => l.ExecutorKvk).Where(KvkNumber.IsValid).Distinct().ToList();
        return numbers.Count == 0 ? [] : await db.Providers.AsNoTracking().Where(p => numbers.Contains(p.KvkNumber)).ToDictionaryAsync(p => p.KvkNumber, ct);
    }
}
