using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>A resident as typed on the registration form (WIJ, or a hoofdaanbieder for direct entry).</summary>
public sealed class ResidentInput
{
    /// <summary>Fixed per filled-in form: sending it again after an error registers nobody twice.</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString();
    public int AreaId { get; set; }
    public string? Bsn { get; set; }
    public string? GivenNames { get; set; }
    public string? Initials { get; set; }
    public string? SurnamePrefix { get; set; }
    public string? Surname { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? Phone { get; set; }
}

/// <summary>A referral as typed by WIJ: the goals agreed with the resident, one per line.</summary>
public sealed class ReferralInput
{
    /// <summary>Fixed per filled-in form, like <see cref="ResidentInput.RequestId"/>.</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString();
    public string? WijTeam { get; set; }
    public string? Goals { get; set; }
    public HashSet<Product> IndicatedProducts { get; } = [];
    public bool SelfDirected { get; set; }
    public string? Note { get; set; }

    /// <summary>The goals as the Server wants them: one per non-empty line.</summary>
    public IReadOnlyList<string> GoalList() =>
        (Goals ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A beschikking as typed by the gemeente.</summary>
public sealed class BeschikkingInput
{
    public string? Number { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}
