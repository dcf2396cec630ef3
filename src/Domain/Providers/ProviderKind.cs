namespace GonPortal.Domain.Providers;

/// <summary>What a registered provider is in the GON model.</summary>
public enum ProviderKind
{
    /// <summary>Hoofdaanbieder: main provider responsible for one or two areas.</summary>
    Hoofdaanbieder = 1,

    /// <summary>Onderaannemer: subcontractor delivering care for hoofdaanbieders.</summary>
    Onderaannemer = 2,
}
