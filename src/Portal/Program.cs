using GonPortal.Portal.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalServices();

var app = builder.Build();
app.UsePortalPipeline();
app.MapPortalEndpoints();

app.Run();
