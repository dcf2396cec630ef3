using GonPortal.Server.Audit;
using GonPortal.Server.Dashboard;
using GonPortal.Server.Data;
using GonPortal.Server.Exports;
using GonPortal.Server.Extensions;
using GonPortal.Server.Instances;
using GonPortal.Server.Probes;
using GonPortal.Server.Rest;
using GonPortal.Server.Settlements;
using GonPortal.Server.Telemetry;
using GonPortal.Server.Tenancy;

if (AuditCommand.Matches(args))
{
    Environment.ExitCode = await AuditCommand.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddGonData();
builder.AddGonSharedInstances();
builder.AddGonAuth();
builder.AddGonTenancy();
builder.AddGonTelemetry();
builder.AddGonHealth();
builder.AddGonGrpc();
builder.AddGonRest();
builder.AddGonJobs();
builder.AddGonJobsDashboard();

var app = builder.Build();

app.UseGonRest();
app.UseAuthentication();
app.UseAuthorization();
app.UseGonRestDates();
app.MapGonServices();
app.MapGonExports();
app.MapGonHealth();
app.MapGonJobsDashboard();

app.Run();
