using Google.Rpc;
using Grpc.Core;

namespace GonPortal.Server.Tests.Infrastructure;

public static class RpcAssert
{
    public static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == e.StatusCode, $"expected {code}, got {e.StatusCode}: {e.Status.Detail}");
        return e;
    }

    /// <summary>Asserts INVALID_ARGUMENT with google.rpc.BadRequest naming exactly <paramref name="fields"/>.</summary>
    public static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> InvalidFields(Func<Task> call, params string[] fields)
    {
        var e = await Fails(StatusCode.InvalidArgument, call);
        var status = e.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(fields.Order(), badRequest.FieldViolations.Select(v => v.Field).Order());
        Assert.All(badRequest.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        return badRequest.FieldViolations;
    }
}
