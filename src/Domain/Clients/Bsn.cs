namespace GonPortal.Domain.Clients;

/// <summary>
/// Burgerservicenummer (citizen service number): exactly 9 digits that pass the elfproef
/// (9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9 divisible by 11), not all zeros.
/// Personal data (AVG): never put a BSN in a message, log line or exception text.
/// </summary>
public static class Bsn
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += Weights[i] * (value[i] - '0');
        }
        return sum % 11 == 0 && value != "000000000";
    }

    /// <summary>
    /// Completes 8 leading digits with the check digit that makes a valid BSN, or null when none
    /// exists (the remainder would need a check digit of 10). Used to generate demo and test data.
    /// </summary>
    public static string? Complete(string eightDigits)
    {
        if (eightDigits.Length != 8 || !eightDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Needs exactly 8 digits.", nameof(eightDigits));
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += Weights[i] * (eightDigits[i] - '0');
        }
        var check = sum % 11; // sum - check ≡ 0 (mod 11)
        if (check > 9)
        {
            return null;
        }
        var bsn = eightDigits + (char)('0' + check);
        return IsValid(bsn) ? bsn : null;
    }
}
