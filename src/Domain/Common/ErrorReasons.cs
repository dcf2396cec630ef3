namespace GonPortal.Domain.Common;

/// <summary>
/// The machine-readable reasons errors carry (google.rpc.ErrorInfo.reason, domain <see cref="Domain"/>).
/// One list, documented with the metadata each reason carries in src/Server/ErrorModel/README.md; a client
/// turns reason and metadata into its own sentence. Codes never change meaning once published.
/// </summary>
public static class ErrorReasons
{
    public const string Domain = "gon.v1";

    // INVALID_ARGUMENT
    public const string FieldViolations = "FIELD_VIOLATIONS";
    public const string CsvImportErrors = "CSV_IMPORT_ERRORS";
    public const string HourEntriesRejected = "HOUR_ENTRIES_REJECTED";
    public const string MalformedMessage = "MALFORMED_MESSAGE";

    // FAILED_PRECONDITION
    public const string WrongState = "WRONG_STATE";
    public const string ArrangementWrongState = "ARRANGEMENT_WRONG_STATE";
    public const string ArrangementBasisNeedsNoBeschikking = "ARRANGEMENT_BASIS_NEEDS_NO_BESCHIKKING";
    public const string ArrangementExecutorHasHours = "ARRANGEMENT_EXECUTOR_HAS_HOURS";
    public const string ReferralNotAccepted = "REFERRAL_NOT_ACCEPTED";
    public const string ReferralNotOpen = "REFERRAL_NOT_OPEN";
    public const string SubcontractWrongState = "SUBCONTRACT_WRONG_STATE";
    public const string HourEntryNotSubmitted = "HOUR_ENTRY_NOT_SUBMITTED";
    public const string YearReportLocked = "YEAR_REPORT_LOCKED";
    public const string YearReportMissing = "YEAR_REPORT_MISSING";
    public const string YearReportOtherHolder = "YEAR_REPORT_OTHER_HOLDER";
    public const string AreaWithoutContract = "AREA_WITHOUT_CONTRACT";
    public const string BsnRegisteredElsewhere = "BSN_REGISTERED_ELSEWHERE";
    public const string SettlementInputMissing = "SETTLEMENT_INPUT_MISSING";
    public const string SettlementRunFinished = "SETTLEMENT_RUN_FINISHED";
    public const string NoMonthEnded = "NO_MONTH_ENDED";
    public const string HoldingNotStarted = "HOLDING_NOT_STARTED";
    public const string MonthNotEnded = "MONTH_NOT_ENDED";
    public const string ConcurrentWrite = "CONCURRENT_WRITE";
    public const string SelfDeactivation = "SELF_DEACTIVATION";
    public const string SubcontractRateMissing = "SUBCONTRACT_RATE_MISSING";
    public const string StatementsIncomplete = "STATEMENTS_INCOMPLETE";
    public const string HourReviewCountMismatch = "HOUR_REVIEW_COUNT_MISMATCH";
    public const string HourApprovalUndoBlocked = "HOUR_APPROVAL_UNDO_BLOCKED";

    // NOT_FOUND: "<RESOURCE>_NOT_FOUND", metadata resource
    public const string NotFoundSuffix = "_NOT_FOUND";

    // PERMISSION_DENIED
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string AreaNotHeld = "AREA_NOT_HELD";
    public const string NoOrganisationInToken = "NO_ORGANISATION_IN_TOKEN";

    // Other codes
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string ImportTooLarge = "IMPORT_TOO_LARGE";
    public const string IdentityUnavailable = "IDENTITY_UNAVAILABLE";
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string Internal = "INTERNAL";
}
