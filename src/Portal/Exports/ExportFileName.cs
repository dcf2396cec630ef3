using System.Globalization;
using System.Text;

namespace GonPortal.Portal.Exports;

/// <summary>A name (an area, an organisation) as part of a download's file name: lower case, accents dropped, words joined by "-".</summary>
public static class ExportFileName
{
    public static string Part(string name)
    {
        var builder = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }
}
