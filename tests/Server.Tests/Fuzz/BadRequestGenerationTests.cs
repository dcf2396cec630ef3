using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.Tests.Fuzz;

/// <summary>The generators make what their class promises, checked with the Contracts' own parsers (no hosts needed).</summary>
public sealed class BadRequestGenerationTests
{
    private static readonly IdPool Ids = IdPool.Of(new Dictionary<string, List<string>>
    {
        ["Client"] = [Guid.NewGuid().ToString()],
        ["Provider"] = [Guid.NewGuid().ToString()],
    });

    private readonly BadRequests _bad = new(new ValidRequests(Ids), Ids);

    [Fact]
    public void Every_class_for_every_rpc_is_what_it_says()
    {
        Assert.True(RpcCatalog.All.Count > 50, "the catalog found the gon.v1 services");
        foreach (var rpc in RpcCatalog.All)
        {
            foreach (var fuzzClass in Enum.GetValues<FuzzClass>())
            {
                var request = _bad.Generate(rpc, fuzzClass, new Random(HashCode.Combine(rpc.Key, fuzzClass)));
                var what = $"{rpc.Key} {fuzzClass} (as {request.Class} on '{request.Field}')";
                Assert.True(request.Messages.Count == 1 || rpc.ClientStreaming, what);
                Assert.True(request.Class == fuzzClass || request.Class is FuzzClass.MutatedField or FuzzClass.Empty, what);
                switch (request.Class)
                {
                    case FuzzClass.InvalidUtf8:
                        Assert.True(request.Messages.Any(m => Fails(rpc.Input, m)), $"{what}: every message parsed");
                        break;
                    case FuzzClass.Empty:
                        Assert.Contains(request.Messages, m => m.Length == 0);
                        break;
                    case FuzzClass.HugeList:
                        Assert.Contains(request.Messages, m => !Fails(rpc.Input, m) && LongestList(rpc.Input.Parser.ParseFrom(m)) == BadRequests.HugeListSize);
                        break;
                    case FuzzClass.Garbage or FuzzClass.Truncated:
                        break; // random bytes may happen to parse
                    default:
                        Assert.True(request.Messages.All(m => !Fails(rpc.Input, m)), $"{what}: a message does not parse");
                        break;
                }
            }
        }
    }

    [Fact]
    public void A_seed_gives_the_same_requests()
    {
        var rpc = RpcCatalog.All.Single(r => r.Key == "HourService/ImportHourEntries");
        var first = _bad.Generate(rpc, FuzzClass.MutatedField, new Random(7));
        var again = _bad.Generate(rpc, FuzzClass.MutatedField, new Random(7));
        Assert.Equal(first.Field, again.Field);
        Assert.Equal(first.Messages.Count, again.Messages.Count);
        Assert.All(first.Messages.Zip(again.Messages), pair => Assert.Equal(pair.First.Length, pair.Second.Length));
    }

    private static bool Fails(MessageDescriptor input, byte[] bytes)
    {
        try
        {
            input.Parser.ParseFrom(bytes);
            return false;
        }
        catch (InvalidProtocolBufferException)
        {
            return true;
        }
    }

    private static int LongestList(IMessage message) => message.Descriptor.Fields.InFieldNumberOrder()
        .Select(f => f.IsRepeated
            ? Math.Max(((System.Collections.IList)f.Accessor.GetValue(message)).Count,
                f.FieldType == FieldType.Message ? ((System.Collections.IList)f.Accessor.GetValue(message)).Cast<IMessage>().Select(LongestList).DefaultIfEmpty(0).Max() : 0)
            : f.FieldType == FieldType.Message && f.Accessor.GetValue(message) is IMessage inner ? LongestList(inner) : 0)
        .DefaultIfEmpty(0).Max();
}
