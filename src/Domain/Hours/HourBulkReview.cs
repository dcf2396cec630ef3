using GonPortal.Domain.Common;

namespace GonPortal.Domain.Hours;

/// <summary>
/// Approving or rejecting by filter: the hoofdaanbieder states how many entries it expects to touch, and
/// the action only goes ahead when the filter matches exactly that many reviewable entries, so a filter
/// that has grown (new entries arrived) or shrunk (someone else reviewed) since the count was shown
/// never changes more, or other, entries than the person confirmed.
/// </summary>
public static class HourBulkReview
{
    /// <summary>The only status a review changes: approved entries are locked and a rejection is final.</summary>
    public const HourEntryStatus Reviewable = HourEntryStatus.Submitted;

    /// <summary>
    /// The status filter of a bulk review: none (all, of which only the reviewable ones are touched) or
    /// <see cref="Reviewable"/>; filtering on approved or rejected entries would touch nothing by definition.
    /// </summary>
    public static bool IsReviewableFilter(HourEntryStatus? status) => status is null || status == Reviewable;

    /// <summary>Throws <see cref="InvalidStateException"/> naming the actual count when it is not the confirmed one.</summary>
    public static void ConfirmCount(int confirmed, int actual)
    {
        if (confirmed != actual)
        {
            throw new InvalidStateException(
                $"The filter matches {actual} reviewable hour entries, not the {confirmed} confirmed; nothing was changed. Confirm {actual} to go ahead.",
                ErrorReasons.HourReviewCountMismatch, new Dictionary<string, string> { ["count"] = $"{actual}", ["confirmed"] = $"{confirmed}" });
        }
    }
}
