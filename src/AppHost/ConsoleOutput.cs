namespace GonPortal.AppHost;

/// <summary>Writes whole lines to the console from several processes' output without interleaving them.</summary>
internal sealed class ConsoleOutput
{
    private readonly Lock _lock = new();
    private readonly bool _colour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public void Line(string prefix, string text, ConsoleColor colour)
    {
        lock (_lock)
        {
            if (_colour)
            {
                Console.ForegroundColor = colour;
                Console.Write($"[{prefix}]");
                Console.ResetColor();
                Console.WriteLine($" {text}");
            }
            else
            {
                Console.WriteLine($"[{prefix}] {text}");
            }
        }
    }

    public void AppHost(string text) => Line("apphost", text, ConsoleColor.Yellow);

    public void Block(string text)
    {
        lock (_lock)
        {
            Console.WriteLine(text);
        }
    }
}
