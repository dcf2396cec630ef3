using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Budgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BaseLumpsums",
                columns: table => new
                {
                    AreaContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    BaseYear = table.Column<int>(type: "int", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseLumpsums", x => x.AreaContractId);
                    table.ForeignKey(
                        name: "FK_BaseLumpsums_AreaContracts_AreaContractId",
                        column: x => x.AreaContractId,
                        principalTable: "AreaContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetAdjustments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Figure = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    AreaContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OldValue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    NewValue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndexRates",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    PrognosisBp = table.Column<int>(type: "int", nullable: true),
                    PrognosisSource = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DefinitiveBp = table.Column<int>(type: "int", nullable: true),
                    DefinitiveSource = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexRates", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "PgbAverageCosts",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    AverageCostCents = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PgbAverageCosts", x => new { x.AreaId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "PgbBaselines",
                columns: table => new
                {
                    AreaContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ClientCount = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PgbBaselines", x => x.AreaContractId);
                    table.ForeignKey(
                        name: "FK_PgbBaselines_AreaContracts_AreaContractId",
                        column: x => x.AreaContractId,
                        principalTable: "AreaContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PgbMonthlyCounts",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    ClientCount = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PgbMonthlyCounts", x => new { x.AreaId, x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "YearParameters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ProfitCapBp = table.Column<int>(type: "int", nullable: false),
                    ReferenceHourlyRateCents = table.Column<long>(type: "bigint", nullable: false),
                    PgbDeadBandBp = table.Column<int>(type: "int", nullable: false),
                    PgbCompensationShareBp = table.Column<int>(type: "int", nullable: false),
                    BasisShareTargetBp = table.Column<int>(type: "int", nullable: false),
                    InitiativeShareTargetBp = table.Column<int>(type: "int", nullable: false),
                    SanctionBp = table.Column<int>(type: "int", nullable: false),
                    ChangeNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearParameters", x => new { x.Year, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "YearReports",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnDeliveryCostsCents = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LockedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearReports", x => new { x.AreaId, x.Year });
                    table.ForeignKey(
                        name: "FK_YearReports_Providers_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BaseLumpsums_AreaId_BaseYear",
                table: "BaseLumpsums",
                columns: new[] { "AreaId", "BaseYear" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAdjustments_AreaId_Year",
                table: "BudgetAdjustments",
                columns: new[] { "AreaId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetChanges_Figure_AreaId_Year_ChangedAt",
                table: "BudgetChanges",
                columns: new[] { "Figure", "AreaId", "Year", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_YearReports_TenantId_Year",
                table: "YearReports",
                columns: new[] { "TenantId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BaseLumpsums");

            migrationBuilder.DropTable(
                name: "BudgetAdjustments");

            migrationBuilder.DropTable(
                name: "BudgetChanges");

            migrationBuilder.DropTable(
                name: "IndexRates");

            migrationBuilder.DropTable(
                name: "PgbAverageCosts");

            migrationBuilder.DropTable(
                name: "PgbBaselines");

            migrationBuilder.DropTable(
                name: "PgbMonthlyCounts");

            migrationBuilder.DropTable(
                name: "YearParameters");

            migrationBuilder.DropTable(
                name: "YearReports");
        }
    }
}
