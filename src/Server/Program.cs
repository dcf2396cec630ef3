using GonPortal.Server.Dashboard;
using GonPortal.Server.Data;
using GonPortal.Server.Extensions;
using GonPortal.Server.Instances;
using GonPortal.Server.Settlements;
using GonPortal.Server.Tenancy;

var builder = WebApplication.CreateBuilder(args);

builder.AddGonData();
builder.AddGonSharedInstances();
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
