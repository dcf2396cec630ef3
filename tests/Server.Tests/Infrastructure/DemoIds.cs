using GonPortal.HostContracts;

namespace GonPortal.Server.Tests.Infrastructure;

/// <summary>Demo tenant ids as the wire carries them.</summary>
public static class DemoIds
{
    public static readonly string Gemeente = DemoData.Gemeente.Id.ToString();
    public static readonly string StadseZorg = DemoData.StadseZorg.Id.ToString();
    public static readonly string OostZorg = DemoData.OostZorg.Id.ToString();
    public static readonly string ZuidZorg = DemoData.ZuidZorg.Id.ToString();
    public static readonly string DeLinde = DemoData.DeLinde.Id.ToString();
}

public static class DemoNames
{
    public static readonly string StadseZorg = DemoData.StadseZorg.Name;
    public static readonly string DeLinde = DemoData.DeLinde.Name;
}
