using System.Net;
using System.Net.Sockets;

namespace GonPortal.Server.Tests.Processes;

/// <summary>
/// "One address" in front of several instances, as a load balancer would be: every new TCP connection
/// goes to the next instance in turn (no stickiness), bytes copied both ways. Enough to show that a
/// client can neither tell nor care which instance answers.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<int> _targets = [];
    private readonly Task _accepting;
    private int _next;

    public RoundRobinProxy()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>Connections handed to each target so far, by port.</summary>
    public Dictionary<int, int> Handed { get; } = [];

    public void Add(int port)
    {
        lock (_targets)
        {
            _targets.Add(port);
            Handed[port] = 0;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            int port;
            lock (_targets)
            {
                port = _targets[_next++ % _targets.Count];
                Handed[port]++;
            }
            _ = PipeAsync(client, port);
        }
    }

    private async Task PipeAsync(TcpClient client, int port)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
                await using var a = client.GetStream();
                await using var b = upstream.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // the instance went away or the test ended: the client sees a closed connection
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
