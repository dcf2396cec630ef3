using System.Linq.Expressions;
using System.Reflection;
using GonPortal.Domain.Common;
using GonPortal.Domain.Providers;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Audit;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data;

/// <summary>
/// The server's data model. Tenant isolation lives here, not in handlers: every
/// <see cref="ITenantOwned"/> entity gets the named <see cref="TenantFilter"/> query filter, and
/// SaveChanges refuses writes to another tenant's rows. Each database provider derives a small
/// context of its own so it can keep its own migrations (EF keeps one snapshot per set).
/// Instances are pooled (<see cref="DataExtensions"/>): each DI scope leases one and hands it the
/// scope's <see cref="TenantContext"/> (<see cref="LeaseTo"/>); returning it to the pool forgets that
/// tenant, so a context between leases — or one never leased — reads as "nobody" and fails closed.
/// </summary>
public abstract class GonDbContext : DbContext,
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys when several instances share the database (Instances/SharedInstanceExtensions).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>Never resolved: what an unleased context sees (the filters match nothing, every write is refused).</summary>
    private static readonly TenantContext Nobody = new();

    private TenantContext? _leasedTenant;

    protected GonDbContext(DbContextOptions options) : base(options)
    {
    }

    private TenantContext tenant => _leasedTenant ?? Nobody;

    /// <summary>Binds a pooled instance to the scope that leased it; called once per lease by the scoped registration.</summary>
    internal void LeaseTo(TenantContext scopeTenant)
    {
        if (_leasedTenant is not null)
        {
            throw new InvalidOperationException("This context is already leased to a scope.");
        }
        _leasedTenant = scopeTenant;
    }

    // Disposing a pooled context returns it to the pool: forget the tenant first.
    public override void Dispose()
    {
        _leasedTenant = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _leasedTenant = null;
        return base.DisposeAsync();
    }

    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<AreaContract> AreaContracts => Set<AreaContract>();
    public DbSet<Subcontract> Subcontracts => Set<Subcontract>();
    public DbSet<Domain.Clients.Client> Clients => Set<Domain.Clients.Client>();
    public DbSet<Domain.Referrals.Referral> Referrals => Set<Domain.Referrals.Referral>();
    public DbSet<Domain.Arrangements.Arrangement> Arrangements => Set<Domain.Arrangements.Arrangement>();
    public DbSet<Domain.Arrangements.ArrangementTransition> ArrangementTransitions => Set<Domain.Arrangements.ArrangementTransition>();
    public DbSet<Domain.Hours.HourEntry> HourEntries => Set<Domain.Hours.HourEntry>();
    public DbSet<Domain.Budgets.BaseLumpsum> BaseLumpsums => Set<Domain.Budgets.BaseLumpsum>();
    public DbSet<Domain.Budgets.IndexRate> IndexRates => Set<Domain.Budgets.IndexRate>();
    public DbSet<Domain.Budgets.BudgetAdjustment> BudgetAdjustments => Set<Domain.Budgets.BudgetAdjustment>();
    public DbSet<Domain.Budgets.PgbBaseline> PgbBaselines => Set<Domain.Budgets.PgbBaseline>();
    public DbSet<Domain.Budgets.PgbMonthlyCount> PgbMonthlyCounts => Set<Domain.Budgets.PgbMonthlyCount>();
    public DbSet<Domain.Budgets.PgbAverageCost> PgbAverageCosts => Set<Domain.Budgets.PgbAverageCost>();
    public DbSet<Domain.Budgets.YearReport> YearReports => Set<Domain.Budgets.YearReport>();
    public DbSet<Domain.Budgets.YearParameters> YearParameters => Set<Domain.Budgets.YearParameters>();
    public DbSet<Domain.Budgets.BudgetChange> BudgetChanges => Set<Domain.Budgets.BudgetChange>();
    public DbSet<Domain.Settlements.SettlementRun> SettlementRuns => Set<Domain.Settlements.SettlementRun>();
    public DbSet<Server.Settlements.SettlementResult> SettlementResults => Set<Server.Settlements.SettlementResult>();
    public DbSet<Server.Settlements.SettlementStatementLine> SettlementStatementLines => Set<Server.Settlements.SettlementStatementLine>();
    public DbSet<Server.Settlements.SettlementShortageLine> SettlementShortageLines => Set<Server.Settlements.SettlementShortageLine>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>
    /// Read by the query filters on every execution. It must be a member of the context (not a
    /// captured value) so EF parameterises it instead of baking one tenant into the cached model.
    /// </summary>
    public Guid CurrentTenantId => tenant.IsResolved ? tenant.TenantId : Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ApplyConfigurations(modelBuilder);
        ApplyDefaultTenantFilters(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceTenantOnWrites();
        EnforceAuditAppendOnly();
        // The chain's head lock is written once, asynchronously; nothing here saves synchronously with audit entries.
        return AuditChain.HasPending(this)
            ? Task.Run(() => AuditChain.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), CancellationToken.None)).GetAwaiter().GetResult()
            : base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceTenantOnWrites();
        EnforceAuditAppendOnly();
        return AuditChain.HasPending(this)
            ? AuditChain.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken)
            : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit trail is append-only for the application (NEN 7513); only retention drops whole expired days.</summary>
    private void EnforceAuditAppendOnly()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || ChangeTracker.Entries<AuditChainHead>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are never updated or deleted, and only the audit chain moves its heads.");
        }
    }

    /// <summary>
    /// Applies every IEntityTypeConfiguration of the Server (each lives in its feature's folder); one that needs the context (for a
    /// custom tenant filter reading <see cref="CurrentTenantId"/>) takes it as its constructor argument.
    /// </summary>
    private void ApplyConfigurations(ModelBuilder modelBuilder)
    {
        var apply = typeof(ModelBuilder).GetMethods().Single(m => m.Name == nameof(ModelBuilder.ApplyConfiguration)
            && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));
        var configurations = typeof(GonDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Type: t, Entity: i.GetGenericArguments()[0])))
            .OrderBy(c => c.Type.FullName, StringComparer.Ordinal);
        foreach (var (type, entity) in configurations)
        {
            var instance = type.GetConstructor([typeof(GonDbContext)]) is not null
                ? Activator.CreateInstance(type, this)
                : Activator.CreateInstance(type);
            apply.MakeGenericMethod(entity).Invoke(modelBuilder, [instance]);
        }
    }

    /// <summary>Convention: a tenant-owned entity without an explicit filter gets the plain owner filter, so none is forgotten.</summary>
    private void ApplyDefaultTenantFilters(ModelBuilder modelBuilder)
    {
        var method = typeof(GonDbContext).GetMethod(nameof(OwnerFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            if (entityType.FindDeclaredQueryFilter(TenantFilter.Name) is null)
            {
                var filter = (LambdaExpression)method.MakeGenericMethod(entityType.ClrType).Invoke(this, null)!;
                entityType.SetQueryFilter(TenantFilter.Name, filter);
            }
        }
    }

    private Expression<Func<T, bool>> OwnerFilter<T>() where T : ITenantOwned => e => e.TenantId == CurrentTenantId;

    private void EnforceTenantOnWrites()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var owner = entry.Entity.TenantId;
            var original = entry.State == EntityState.Added ? owner : entry.Property(e => e.TenantId).OriginalValue;
            var addedByParty = entry.State == EntityState.Added && entry.Entity is IAddedByParty p && p.AddedByTenantId == tenant.TenantId;
            if (!tenant.IsResolved || owner != original || !(MayWrite(owner) || addedByParty))
            {
                throw new TenantMismatchException(
                    $"Refused to {entry.State} a {entry.Metadata.ClrType.Name} of another tenant.");
            }
        }
    }

    /// <summary>
    /// The check SaveChanges makes on an added row, for rows stored without the change tracker (the
    /// PostgreSQL bulk path of the hour import): the same rule and the same exception.
    /// </summary>
    internal void EnsureMayAdd(ITenantOwned entity)
    {
        var addedByParty = entity is IAddedByParty p && p.AddedByTenantId == tenant.TenantId;
        if (!tenant.IsResolved || !(MayWrite(entity.TenantId) || addedByParty))
        {
            throw new TenantMismatchException($"Refused to Added a {entity.GetType().Name} of another tenant.");
        }
    }

    /// <summary>A background job (system mode) writes results owned by the hoofdaanbieder they settle; see <see cref="TenantContext.IsSystem"/>.</summary>
    private bool MayWrite(Guid owner) => tenant.IsSystem || owner == tenant.TenantId || tenant.CrossTenantWrites.Contains(owner);
}
