using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClientsAndArrangements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    BsnCipher = table.Column<byte[]>(type: "varbinary(64)", maxLength: 64, nullable: false),
                    BsnHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    GivenNames = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Initials = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    SurnamePrefix = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Surname = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Postcode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedByOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    WijOrganisationIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ContactDetails_City = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ContactDetails_ContactPersonName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactDetails_ContactPersonPhoneNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ContactDetails_Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    ContactDetails_HouseNumber = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    ContactDetails_HouseNumberAddition = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    ContactDetails_PhoneNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ContactDetails_Street = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clients_Providers_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    HoofdaanbiederId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WijTeam = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IndicatedProducts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SelfDirected = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ReferredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReferredBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcceptedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CloseReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Goals = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Providers_HoofdaanbiederId",
                        column: x => x.HoofdaanbiederId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Arrangements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    EntryChannel = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ReferralId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    WijOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    State = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SupportType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Product = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExecutorProviderIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DecisionNote = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    WijReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    WijReviewedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    WijReviewNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    EndNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TransitionCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Arrangements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Arrangements_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Arrangements_Providers_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Arrangements_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArrangementTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    FromState = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ToState = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorSubject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ActorOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    VersionNumber = table.Column<int>(type: "int", nullable: true),
                    BeschikkingNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Decision = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrangementTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrangementTransitions_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArrangementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Volume = table.Column<int>(type: "int", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Frequency = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ExecutorKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SubcontractId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ExecutorProviderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ViaInitiative = table.Column<bool>(type: "bit", nullable: false),
                    InitiativeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrangementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrangementVersions_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Beschikkingen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Beschikkingen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Beschikkingen_Arrangements_ArrangementId",
                        column: x => x.ArrangementId,
                        principalTable: "Arrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Arrangements_ClientId",
                table: "Arrangements",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Arrangements_ReferralId",
                table: "Arrangements",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Arrangements_TenantId_State",
                table: "Arrangements",
                columns: new[] { "TenantId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Arrangements_WijOrganisationId_State",
                table: "Arrangements",
                columns: new[] { "WijOrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ArrangementTransitions_ArrangementId_Sequence",
                table: "ArrangementTransitions",
                columns: new[] { "ArrangementId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrangementVersions_ArrangementId_Number",
                table: "ArrangementVersions",
                columns: new[] { "ArrangementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrangementVersions_ExecutorProviderId",
                table: "ArrangementVersions",
                column: "ExecutorProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrangementVersions_SubcontractId",
                table: "ArrangementVersions",
                column: "SubcontractId");

            migrationBuilder.CreateIndex(
                name: "IX_Beschikkingen_ArrangementId_Number",
                table: "Beschikkingen",
                columns: new[] { "ArrangementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_AreaId_BsnHash",
                table: "Clients",
                columns: new[] { "AreaId", "BsnHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_TenantId_Surname",
                table: "Clients",
                columns: new[] { "TenantId", "Surname" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ClientId",
                table: "Referrals",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_HoofdaanbiederId_State",
                table: "Referrals",
                columns: new[] { "HoofdaanbiederId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_State",
                table: "Referrals",
                columns: new[] { "TenantId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArrangementTransitions");

            migrationBuilder.DropTable(
                name: "ArrangementVersions");

            migrationBuilder.DropTable(
                name: "Beschikkingen");

            migrationBuilder.DropTable(
                name: "Arrangements");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "Clients");
        }
    }
}
