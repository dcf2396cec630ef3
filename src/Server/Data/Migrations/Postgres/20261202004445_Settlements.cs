using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Settlements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SettlementRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    ProgressStage = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ItemsDone = table.Column<int>(type: "integer", nullable: false),
                    ItemsTotal = table.Column<int>(type: "integer", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NewRevisionCount = table.Column<int>(type: "integer", nullable: false),
                    UnchangedCount = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ErrorMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AttemptCount = table.Column<int>(type: "integer", nullable: false),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActiveKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettlementResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    SubcontractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SettlementRunId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OnderaannemerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementResults_SettlementRuns_SettlementRunId",
                        column: x => x.SettlementRunId,
                        principalTable: "SettlementRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementShortageLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SettlementResultId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AllocatedHours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeliveredMinutes = table.Column<long>(type: "bigint", nullable: false),
                    UnmetHours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnmetHoursValue = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementShortageLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementShortageLines_SettlementResults_SettlementResultId",
                        column: x => x.SettlementResultId,
                        principalTable: "SettlementResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettlementStatementLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SettlementResultId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineNumber = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OnderaannemerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubcontractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Product = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RateCents = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    EntryCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementStatementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementStatementLines_SettlementResults_SettlementResult~",
                        column: x => x.SettlementResultId,
                        principalTable: "SettlementResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementResults_Kind_AreaId_Year_Month_SubcontractId_Revi~",
                table: "SettlementResults",
                columns: new[] { "Kind", "AreaId", "Year", "Month", "SubcontractId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementResults_OnderaannemerId_Year",
                table: "SettlementResults",
                columns: new[] { "OnderaannemerId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementResults_SettlementRunId",
                table: "SettlementResults",
                column: "SettlementRunId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementResults_TenantId_Kind_Year",
                table: "SettlementResults",
                columns: new[] { "TenantId", "Kind", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRuns_ActiveKey",
                table: "SettlementRuns",
                column: "ActiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRuns_CreatedAt",
                table: "SettlementRuns",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRuns_Kind_AreaId_Year_CreatedAt",
                table: "SettlementRuns",
                columns: new[] { "Kind", "AreaId", "Year", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRuns_State_LeaseExpiresAt",
                table: "SettlementRuns",
                columns: new[] { "State", "LeaseExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementShortageLines_SettlementResultId_UnmetHoursValue",
                table: "SettlementShortageLines",
                columns: new[] { "SettlementResultId", "UnmetHoursValue" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementStatementLines_SettlementResultId_LineNumber",
                table: "SettlementStatementLines",
                columns: new[] { "SettlementResultId", "LineNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementStatementLines_Year_AreaId_Month",
                table: "SettlementStatementLines",
                columns: new[] { "Year", "AreaId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SettlementShortageLines");

            migrationBuilder.DropTable(
                name: "SettlementStatementLines");

            migrationBuilder.DropTable(
                name: "SettlementResults");

            migrationBuilder.DropTable(
                name: "SettlementRuns");
        }
    }
}
