using GonPortal.Portal.ServerApi;
using Grpc.Core;

namespace GonPortal.Portal.Tests.Texts;

/// <summary>The Server's reasons become Dutch sentences with the values filled in and singular or plural right.</summary>
public sealed class ErrorSentencesTests
{
    private static IReadOnlyDictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void One_violated_field_is_singular_and_two_are_plural()
    {
        Assert.Contains("1 veld is niet goed", ErrorSentences.Message(StatusCode.InvalidArgument, "FIELD_VIOLATIONS", Values(("count", "1"))));
        Assert.Contains("2 velden zijn niet goed", ErrorSentences.Message(StatusCode.InvalidArgument, "FIELD_VIOLATIONS", Values(("count", "2"))));
    }

    [Fact]
    public void A_wrong_state_names_the_states_in_dutch()
    {
        var text = ErrorSentences.Message(StatusCode.FailedPrecondition, "ARRANGEMENT_WRONG_STATE",
            Values(("state", "ARRANGEMENT_STATE_ACTIVE"), ("allowed", "ARRANGEMENT_STATE_REQUESTED,ARRANGEMENT_STATE_DECIDED"), ("action", "CancelArrangement")));
        Assert.Equal("Deze stap kan nu niet: de regeling heeft de status ‘Lopend’ en deze stap kan alleen bij ‘Aangevraagd of Besloten’.", text);
        Assert.Contains("‘Teruggestuurd’", ErrorSentences.Message(StatusCode.FailedPrecondition, "REFERRAL_NOT_OPEN", Values(("state", "REFERRAL_STATE_RETURNED"))));
        Assert.Contains("‘Toestemming verleend’", ErrorSentences.Message(StatusCode.FailedPrecondition, "SUBCONTRACT_WRONG_STATE",
            Values(("state", "CONSENTED"), ("required", "PROPOSED"))));
    }

    [Fact]
    public void A_month_is_written_out_and_an_unknown_reason_falls_back_to_the_status()
    {
        Assert.StartsWith("maart 2028 is nog niet voorbij", ErrorSentences.Message(StatusCode.FailedPrecondition, "MONTH_NOT_ENDED", Values(("year", "2028"), ("month", "3"))));
        Assert.Equal(GonServerClient.MessageFor(StatusCode.FailedPrecondition), ErrorSentences.Message(StatusCode.FailedPrecondition, "SOMETHING_NEW", Values()));
        Assert.Contains("niet gevonden", ErrorSentences.Message(StatusCode.NotFound, "MACHINE_CLIENT_NOT_FOUND", Values(("resource", "Machine client"))));
    }

    [Fact]
    public void A_field_without_its_own_sentence_is_worded_by_its_class()
    {
        Assert.Equal("Deze tekst is te lang of te kort (hoogstens 200 tekens).",
            ErrorSentences.Field("some_new_note", "TEXT_LENGTH", Values(("some_new_note.max", "200"))));
        Assert.Equal("Vul dit veld in.", ErrorSentences.Field("some_new_field", "REQUIRED", Values()));
        Assert.Equal("Deze waarde is niet goed.", ErrorSentences.Field("some_new_field", "", Values()));
    }
}
