namespace GonPortal.Identity.Extensions;

public static class HostingExtensions
{
    public const string DefaultUrl = "http://localhost:5100";

    /// <summary>
    /// Listens on <see cref="DefaultUrl"/> unless an address was given (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>URLS</c>, <c>*_PORTS</c> or Kestrel endpoints). Not set in appsettings.json on purpose: a value
    /// there would override ASPNETCORE_URLS, which is read earlier in the configuration chain.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url = DefaultUrl)
    {
        var configuration = builder.Configuration;
        var addressGiven = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!addressGiven)
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }
}
