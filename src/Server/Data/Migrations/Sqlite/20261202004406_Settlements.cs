using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressStage = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NewRevisionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnchangedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AttemptCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActiveKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettlementResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    SubcontractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SettlementRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnderaannemerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SettlementResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AllocatedHours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeliveredMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    UnmetHours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnmetHoursValue = table.Column<double>(type: "REAL", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SettlementResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnderaannemerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubcontractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RateCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementStatementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementStatementLines_SettlementResults_SettlementResultId",
                        column: x => x.SettlementResultId,
                        principalTable: "SettlementResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementResults_Kind_AreaId_Year_Month_SubcontractId_Revision",
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
