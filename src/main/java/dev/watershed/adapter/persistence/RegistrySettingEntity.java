package dev.watershed.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A setting changed through an API at run time (V12). */
@Entity
@Table(name = "registry_setting")
public class RegistrySettingEntity {

    @Id
    public String name;

    @Column(name = "setting_value", nullable = false)
    public String value;
}
