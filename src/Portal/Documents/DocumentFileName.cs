using System.Globalization;
using System.Text;

namespace GonPortal.Portal.Documents;

/// <summary>A name as part of a file name: lower case letters and digits joined by hyphens ("Welzijn Oost en Ten Boer" → "welzijn-oost-en-ten-boer").</summary>
public static class DocumentFileName
{
    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "document" : slug;
    }
}
