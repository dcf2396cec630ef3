using System.Reflection;
using GonPortal.Contracts.V1;
using GonPortal.Server.ErrorModel;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GonPortal.Server.Tests.ErrorModel;

/// <summary>
/// The shape every request must have (<see cref="RequestShape"/>), and the guarantee that no repeated request
/// field lacks a documented maximum: a new list in a proto fails here until it gets one.
/// </summary>
public sealed class RequestShapeTests
{
    private static IEnumerable<FileDescriptor> ContractFiles() =>
        typeof(CreateClientRequest).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.Namespace == typeof(CreateClientRequest).Namespace)
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);

    private static IEnumerable<FieldDescriptor> RepeatedFieldsOf(MessageDescriptor message, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName))
        {
            yield break;
        }
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated)
            {
                yield return field;
            }
            if (field.FieldType == FieldType.Message)
            {
                foreach (var nested in RepeatedFieldsOf(field.MessageType, seen))
                {
                    yield return nested;
                }
            }
        }
    }

    [Fact]
    public void Every_repeated_field_a_request_can_carry_has_a_documented_maximum()
    {
        var seen = new HashSet<string>();
        var requests = ContractFiles().SelectMany(f => f.Services).SelectMany(s => s.Methods).Select(m => m.InputType).ToList();
        Assert.True(requests.Count > 50, "the contract's RPCs were not found");
        var repeated = requests.SelectMany(r => RepeatedFieldsOf(r, seen)).Select(f => f.FullName).Distinct().ToList();
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Server", "ErrorModel", "README.md"));
        Assert.All(repeated, f =>
        {
            Assert.True(RequestLimits.MaxItems.ContainsKey(f), $"{f} has no maximum in RequestLimits");
            Assert.Contains(f.Split('.')[^2], readme, StringComparison.Ordinal);
        });
        Assert.Equal(RequestLimits.MaxItems.Keys.Order(), repeated.Order());
    }

    [Fact]
    public void A_list_over_its_maximum_is_named_and_its_elements_are_not_looked_at()
    {
        var request = new ApproveHourEntriesRequest();
        request.HourEntryIds.Add(Enumerable.Repeat("\0", 1_001));
        var violation = Assert.Single(RequestShape.Check(request));
        Assert.Equal(("hour_entry_ids", "must hold at most 1000 items"), (violation.Field, violation.Description));
        Assert.Equal("OUT_OF_RANGE", FieldViolationReasons.Classify(violation.Description).Reason);
        Assert.Equal("1000", FieldViolationReasons.Classify(violation.Description).Values["max"]);
    }

    [Fact]
    public void A_list_at_its_maximum_passes()
    {
        var request = new ApproveHourEntriesRequest();
        request.HourEntryIds.Add(Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid().ToString()));
        Assert.Empty(RequestShape.Check(request));
    }

    [Fact]
    public void Nested_fields_are_named_by_their_path()
    {
        var request = new CreateSubcontractRequest { RequestId = "r1" };
        request.Rates.Add(new SubcontractRate { Product = Product.Begeleiding, Unit = Unit.Hour, RateCents = 6000 });
        request.Rates.Add(new SubcontractRate { Product = (Product)999, Unit = Unit.Hour, RateCents = 6000 });
        var violation = Assert.Single(RequestShape.Check(request));
        Assert.Equal("rates[1].product", violation.Field);
        Assert.Equal("OUT_OF_RANGE", FieldViolationReasons.Classify(violation.Description).Reason);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("a\u001bb")]
    [InlineData("a\u007f")]
    [InlineData("a\u0085")]
    [InlineData("regel\nregel")]
    [InlineData("tab\t")]
    public void Single_line_text_refuses_every_control_character(string text)
    {
        var violation = Assert.Single(RequestShape.Check(new CreateClientRequest { Surname = text }));
        Assert.Equal("surname", violation.Field);
        Assert.Equal("CONTROL_CHARACTERS", FieldViolationReasons.Classify(violation.Description).Reason);
    }

    [Theory]
    [InlineData("regel\nregel", true)]
    [InlineData("regel\r\nregel\tmet tab", true)]
    [InlineData("nul\0", false)]
    [InlineData("escape\u001b", false)]
    public void Free_text_allows_line_breaks_and_tabs_only(string text, bool allowed)
    {
        Assert.Equal(allowed, RequestShape.Check(new RejectHourEntriesRequest { Reason = text }).Count == 0);
    }

    [Theory]
    [InlineData(-1, 1, "year")]
    [InlineData(2027, 13, "month")]
    [InlineData(2027, -1, "month")]
    [InlineData(10_000, 1, "year")]
    public void Years_and_months_outside_any_meaning_are_refused(int year, int month, string field)
    {
        var violation = Assert.Single(RequestShape.Check(new ListProviderVolumesRequest { AreaId = 1, Year = year, Month = month }));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void A_date_of_the_google_types_keeps_its_own_rules()
    {
        // google.type.Date has a year and a month too; the gon.v1 bounds do not apply to it (a birth year 1930 is fine).
        Assert.Empty(RequestShape.Check(new CreateClientRequest { DateOfBirth = new Google.Type.Date { Year = 1930, Month = 2, Day = 3 } }));
    }

    [Fact]
    public void The_locator_names_the_field_that_breaks_a_message()
    {
        var entry = new HourEntryInput { EntryKey = "k1", Quantity = 30 }.ToByteArray();
        var note = HourEntryInput.Descriptor.FindFieldByName("activity_note").FieldNumber;
        var body = RawCalls.Field(1, entry.Concat(RawCalls.Field(note, RawCalls.InvalidUtf8)).ToArray());
        Assert.Throws<InvalidProtocolBufferException>(() => ImportHourEntriesRequest.Parser.ParseFrom(body));
        Assert.Equal("entry.activity_note", MalformedMessageLocator.Locate(ImportHourEntriesRequest.Descriptor, new(body)));

        var batch = new BatchCreateHourEntriesRequest { Entries = { new HourEntryInput { EntryKey = "a" }, new HourEntryInput { EntryKey = "b" } } }.ToByteArray();
        var broken = batch.Concat(RawCalls.Field(1, RawCalls.Field(1, RawCalls.InvalidUtf8))).ToArray();
        Assert.Equal("entries[2].entry_key", MalformedMessageLocator.Locate(BatchCreateHourEntriesRequest.Descriptor, new(broken)));
        Assert.Null(MalformedMessageLocator.Locate(BatchCreateHourEntriesRequest.Descriptor, new(RawCalls.Garbage)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GonPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No GonPortal.sln above {AppContext.BaseDirectory}.");
    }
}
