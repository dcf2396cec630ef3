using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>One kind of waiting work and how much of it there is.</summary>
public sealed record WorkItemView(WorkItemKind Kind, int Count);

/// <summary>The organisation's "Te doen" list; <see cref="Total"/> is shown next to the menu entry.</summary>
public sealed record WorkQueueView(IReadOnlyList<WorkItemView> Items, int Total);
