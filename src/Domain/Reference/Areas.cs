namespace GonPortal.Domain.Reference;

/// <summary>Gebied: one of the four GON areas, following the (CBS) district borders.</summary>
public sealed record Area(int Id, string Code, string Name);

/// <summary>The four areas with their exact names from the 2025 policy note (001 §3.1).</summary>
public static class Areas
{
    public static readonly IReadOnlyList<Area> All =
    [
        new(1, "centrum-oude-wijken", "Centrum, Oude Wijken"),
        new(2, "west", "West"),
        new(3, "oost-en-ten-boer", "Oost en Ten Boer"),
        new(4, "zuid-en-haren", "Zuid en Haren"),
    ];

    public static bool Exists(int id) => All.Any(a => a.Id == id);
}
