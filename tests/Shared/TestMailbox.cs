using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace GonPortal.Tests.Shared;

/// <summary>
/// A real SMTP server on a free loopback port, started by the test hosts: Identity sends its invitations and reset
/// e-mails here through MailKit exactly as to a production relay, and tests read them back, parsed by MimeKit.
/// </summary>
public sealed partial class TestMailbox : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public TestMailbox(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Waits (up to 15 s) for the newest message to <paramref name="recipient"/> with the subject, received after <paramref name="after"/> earlier ones.</summary>
    public async Task<MimeMessage> WaitForAsync(string recipient, string subject, int after = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var matching = For(recipient, subject);
            if (matching.Count > after)
            {
                return matching[^1];
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No e-mail \"{subject}\" to {recipient} arrived.");
    }

    public List<MimeMessage> For(string recipient, string subject) =>
        _messages.Where(m => m.Subject == subject && m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The first link in the message's text part that starts with <paramref name="prefix"/> (absolute URL).</summary>
    public static Uri Link(MimeMessage message, string pathPart)
    {
        var match = LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(l => l.Contains(pathPart, StringComparison.Ordinal));
        return match is null ? throw new InvalidOperationException($"No link with {pathPart} in:\n{message.TextBody}") : new Uri(match);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
