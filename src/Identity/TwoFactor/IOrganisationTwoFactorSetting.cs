namespace GonPortal.Identity.TwoFactor;

/// <summary>
/// An organisation's own choice to require two-factor sign-in for all its people. The seam for the Organisation
/// registry that is being added to Identity: it will implement this from its "required for everyone" setting and
/// replace <see cref="NoOrganisationRequiresTwoFactor"/> in <c>AddTwoFactorSignIn</c>.
/// </summary>
public interface IOrganisationTwoFactorSetting
{
    Task<bool> RequiredForAllAsync(Guid organisationId);
}

/// <summary>Until the registry exists no organisation has the setting, so only the role and administrator rules apply.</summary>
internal sealed class NoOrganisationRequiresTwoFactor : IOrganisationTwoFactorSetting
{
    public Task<bool> RequiredForAllAsync(Guid organisationId) => Task.FromResult(false);
}
