using GonPortal.Server.Providers;

namespace GonPortal.Server.Budgets;

public static class BudgetServicesExtensions
{
    /// <summary>The helpers of BudgetService; LumpsumLoader and YearParametersStore are also what settlement jobs take.</summary>
    public static IServiceCollection AddGonBudgetServices(this IServiceCollection services)
    {
        services.AddScoped<AreaHolding>();
        services.AddScoped<BudgetAreaAccess>();
        services.AddScoped<LumpsumLoader>();
        services.AddScoped<BudgetPositionQuery>();
        services.AddScoped<PgbYearLoader>();
        services.AddScoped<YearParametersStore>();
        services.AddScoped<PgbFigureWriter>();
        return services;
    }
}
