namespace GonPortal.Server.Budgets;

public static class BudgetServicesExtensions
{
    /// <summary>The handlers behind BudgetService; LumpsumLoader and YearParametersStore are also what settlement jobs take.</summary>
    public static IServiceCollection AddGonBudgetServices(this IServiceCollection services)
    {
        services.AddScoped<BudgetAreaAccess>();
        services.AddScoped<BudgetClock>();
        services.AddScoped<BudgetChangeLog>();
        services.AddScoped<BaseLumpsumHandler>();
        services.AddScoped<IndexRateHandler>();
        services.AddScoped<BudgetAdjustmentHandler>();
        services.AddScoped<PgbInputHandler>();
        services.AddScoped<PgbCsvImport>();
        services.AddScoped<YearReportHandler>();
        services.AddScoped<YearParameterHandler>();
        services.AddScoped<LumpsumLoader>();
        services.AddScoped<BudgetPositionQuery>();
        services.AddScoped<PgbYearLoader>();
        services.AddScoped<YearParametersStore>();
        services.AddScoped<PgbFigureWriter>();
        return services;
    }
}
