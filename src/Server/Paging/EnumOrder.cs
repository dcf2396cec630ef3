using System.Linq.Expressions;

namespace GonPortal.Server.Paging;

/// <summary>
/// A sort key for an enum in the order of its declaration (the process order of a state, the code order of a product),
/// whatever the column stores: most enums are stored as their English name, whose alphabetical order means nothing.
/// Translates to a CASE expression; a missing value sorts first (0).
/// </summary>
public static class EnumOrder
{
    public static Expression<Func<T, int>> Of<T, TEnum>(Expression<Func<T, TEnum>> value) where TEnum : struct, Enum =>
        Build<T>(value.Body, value.Parameters[0], typeof(TEnum));

    public static Expression<Func<T, int>> Of<T, TEnum>(Expression<Func<T, TEnum?>> value) where TEnum : struct, Enum =>
        Build<T>(value.Body, value.Parameters[0], typeof(TEnum?));

    private static Expression<Func<T, int>> Build<T>(Expression body, ParameterExpression parameter, Type type)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        Expression result = Expression.Constant(0);
        var values = Enum.GetValues(enumType).Cast<object>().OrderBy(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // built from the last value inward, so the first declared value is tested first
        for (var i = values.Count - 1; i >= 0; i--)
        {
            var test = Expression.Equal(body, Expression.Constant(values[i], type));
            result = Expression.Condition(test, Expression.Constant(i + 1), result);
        }
        return Expression.Lambda<Func<T, int>>(result, parameter);
    }
}
