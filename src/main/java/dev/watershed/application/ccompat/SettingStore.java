package dev.watershed.application.ccompat;

import java.util.Optional;

/** Registry-wide settings an API changes at run time. */
public interface SettingStore {

    Optional<String> get(String name);

    void put(String name, String value);

    void remove(String name);
}
