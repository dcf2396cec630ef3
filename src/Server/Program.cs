using GonPortal.Server.Audit;
using GonPortal.Server.Dashboard;
using GonPortal.Server.Data;
using GonPortal.Server.Extensions;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tenancy;

if (AuditCommand.Matches(args))
{
    Environment.ExitCode = await AuditCommand.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddGonData();
builder.AddGonAuth();
builder.AddGonTenancy();
builder.AddGonGrpc();
builder.AddGonJobs();
builder.AddGonJobsDashboard();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapGonServices();
app.MapGonJobsDashboard();

app.Run();
