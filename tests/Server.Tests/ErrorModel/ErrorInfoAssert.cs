using Google.Rpc;
using Grpc.Core;

namespace GonPortal.Server.Tests.ErrorModel;

/// <summary>Reads the google.rpc.ErrorInfo every error of ours carries.</summary>
public static class ErrorInfoAssert
{
    public static ErrorInfo Info(RpcException e)
    {
        var info = e.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.True(info is not null, $"{e.StatusCode} without ErrorInfo: {e.Status.Detail}");
        Assert.Equal("gon.v1", info.Domain);
        Assert.False(string.IsNullOrWhiteSpace(info.Reason));
        return info;
    }

    public static ErrorInfo Reason(RpcException e, string reason)
    {
        var info = Info(e);
        Assert.Equal(reason, info.Reason);
        return info;
    }
}
