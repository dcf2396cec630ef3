namespace GonPortal.Portal.Clients;

/// <summary>
/// The portal's own check of a typed BSN (burgerservicenummer), so a typing error is shown before anything is sent.
/// The Server checks again with the same rule (9 digits, elfproef, not all zeros); this copy exists because the portal
/// has no reference to the domain.
/// </summary>
public static class BsnCheck
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];

    /// <summary>What is wrong with the typed BSN, or <see cref="BsnProblem.None"/>. Spaces and dots are ignored.</summary>
    public static BsnProblem Check(string? typed)
    {
        var digits = Clean(typed);
        if (digits.Length == 0)
        {
            return BsnProblem.Missing;
        }

        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return BsnProblem.NotNineDigits;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += Weights[i] * (digits[i] - '0');
        }

        return sum % 11 == 0 && digits != "000000000" ? BsnProblem.None : BsnProblem.Elfproef;
    }

    /// <summary>The typed BSN without spaces and dots, as the Server wants it.</summary>
    public static string Clean(string? typed) =>
        (typed ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).Trim();
}

/// <summary>Why a typed BSN is refused.</summary>
public enum BsnProblem
{
    None,
    Missing,
    NotNineDigits,
    Elfproef,
}
