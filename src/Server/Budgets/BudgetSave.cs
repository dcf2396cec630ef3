using GonPortal.Domain.Common;
using GonPortal.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Budgets;

/// <summary>Saving budget writes: two gemeente users creating the same figure at once collide on its key.</summary>
public static class BudgetSave
{
    /// <summary>SaveChanges; a key conflict (a concurrent write of the same figure) becomes FAILED_PRECONDITION, to retry.</summary>
    public static async Task SaveAsync(GonDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new InvalidStateException("The figure was written by another call at the same time; read it again and retry.", ErrorReasons.ConcurrentWrite);
        }
    }
}
