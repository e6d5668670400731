package io.bulliontracker.collection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of collection_items. Not an API shape: {@link ItemView} is what clients see. */
@Entity
@Table(name = "collection_items")
public class CollectionItem extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    public String category;
    public String type;
    public String title;
    public String metal;
    public int quantity;
    @Column(name = "weight_oz")
    public BigDecimal weightOz;
    @Column(name = "metal_purity")
    public BigDecimal metalPurity;
    @Column(name = "metal_weight_oz")
    public BigDecimal metalWeightOz;
    @Column(name = "precious_metal_oz")
    public BigDecimal preciousMetalOz;
    @Column(name = "coin_reference_id")
    public String coinReferenceId;
    @Column(name = "cert_number")
    public String certNumber;
    public String grade;
    @Column(name = "grading_service")
    public String gradingService;
    @Column(name = "is_problem_coin")
    public boolean isProblemCoin;
    @Column(name = "problem_type")
    public String problemType;
    @Column(name = "is_grade_estimated")
    public boolean isGradeEstimated;
    public String notes;
    @Column(name = "book_value_type")
    public String bookValueType;
    @Column(name = "custom_book_value")
    public BigDecimal customBookValue;
    @Column(name = "premium_percent")
    public BigDecimal premiumPercent;
    @Column(name = "numismatic_value")
    public BigDecimal numismaticValue;
    @Column(name = "confidence_level")
    public String confidenceLevel;
    @Column(name = "spot_price_at_creation")
    public BigDecimal spotPriceAtCreation;
    @Column(name = "purchase_date")
    public LocalDate purchaseDate;
    @Column(name = "purchase_price")
    public BigDecimal purchasePrice;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
