using GonPortal.Identity.Extensions;

// GonPortal Identity: OpenID Connect server for the portal (users) and the providers' systems (machine clients).
var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultUrl();
builder.AddIdentityData();
builder.AddSharedInstances();
builder.AddTwoFactorSignIn();
builder.AddGonOpenIddict();
builder.AddMachineClients();
builder.AddSignInUi();
builder.AddIdentityRateLimits();
builder.AddTokenPruning();
builder.AddIdentityHealthChecks();
builder.AddGonTelemetry();

var app = builder.Build();

app.UseIdentitySecurity();
app.UseIdentityRateLimits();
app.UseIdentityPipeline();
app.MapIdentityEndpoints();

app.Run();
