using GonPortal.Identity.Extensions;

// GonPortal Identity: OpenID Connect server for the portal (users) and the providers' systems (machine clients).
var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultUrl();
builder.AddIdentityData();
builder.AddGonOpenIddict();
builder.AddSignInUi();
builder.AddIdentityHealthChecks();

var app = builder.Build();

app.UseIdentityPipeline();
app.MapIdentityEndpoints();

app.Run();
