namespace GonPortal.Identity.TwoFactor;

/// <summary>An organisation's own choice to require two-factor sign-in for all its people.</summary>
public interface IOrganisationTwoFactorSetting
{
    Task<bool> RequiredForAllAsync(Guid organisationId);
}
