using GonPortal.Contracts.V1;
using GonPortal.Domain.Reference;
using GonPortal.Server.Grpc;
using GonPortal.HostContracts;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace GonPortal.Server.Reference;

/// <summary>Reference data from the domain catalogue; any authenticated role may read it.</summary>
[Authorize(Roles = GonRoles.AnyRole)]
public sealed class ReferenceGrpcService : ReferenceService.ReferenceServiceBase
{
    public override Task<ListAreasResponse> ListAreas(ListAreasRequest request, ServerCallContext context)
    {
        var response = new ListAreasResponse();
        response.Areas.AddRange(Areas.All.Select(a => new Contracts.V1.Area { Id = a.Id, Code = a.Code, Name = a.Name }));
        return Task.FromResult(response);
    }

    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context)
    {
        var response = new ListProductsResponse();
        foreach (var p in Products.All)
        {
            var info = new Contracts.V1.ProductInfo { Product = ProtoConvert.ToProto(p.Product), IwmoCode = p.IwmoCode, Name = p.Name };
            info.AllowedUnits.AddRange(p.AllowedUnits.Select(ProtoConvert.ToProto));
            response.Products.Add(info);
        }
        return Task.FromResult(response);
    }

    public override Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        var response = new ListUnitsResponse();
        response.Units.AddRange(Products.Units.Select(u => new Contracts.V1.UnitInfo { Unit = ProtoConvert.ToProto(u.Unit), IwmoCode = u.IwmoCode, Name = u.Name }));
        return Task.FromResult(response);
    }
}
